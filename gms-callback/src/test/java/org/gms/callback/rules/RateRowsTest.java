package org.gms.callback.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gms.callback.rules.ThrottleSettings.LIMIT_1;
import static org.gms.callback.rules.ThrottleSettings.LIMIT_2;
import static org.gms.callback.rules.ThrottleSettings.TTL_1;
import static org.gms.callback.rules.ThrottleSettings.TTL_2;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The rows of the rate throttle table ({@code ThrottlePreventHighRateTests}): columns
 * {@code [callback] _enable_in_queue_checking n1 t1 n2 t2}, then the service's {@code n1 t1 n2 t2}, then the steps,
 * as {@link RateReplay} plays them.
 */
class RateRowsTest {

    @Test
    void test_00() {
        RateReplay.replay("false 2 10 \"\" absent", "2 14 2 7",
                "create(S,2) 503(S,14) wait(7) 503(S,14) wait(14) create(S,2) create(G,2) 503(G,10) "
                        + "wait(10) create(G,2) 503(G,10) wait(10) create(G,2)");
    }

    @Test
    void test_01() {
        RateReplay.replay("false \"\" 10 2 25", "2 7 2 7",
                "create(S,2) 503(S,7) wait(7) create(S,2) 503(S,7) create(G,2) 503(G,25) wait(10) "
                        + "503(G,25) wait(25) create(G,2)");
    }

    @Test
    void test_02() {
        RateReplay.replay("false 2 absent absent 10", "3 \"\" 3 19",
                "create(S,3) 503(S,300) wait(19) 503(S,300) wait(300) create(S,3) create(G,2) 503(G,300) "
                        + "wait(10) 503(G,300) wait(300) create(G,1)");
    }

    @Test
    void test_03() {
        RateReplay.replay("false 1 20 2 10", "2 14 \"\" \"\"",
                "create(S,2) 503(S,14) wait(10) 503(S,14) wait(14) create(S,2) 503(S,14) create(G,1) "
                        + "503(G,20) wait(10) 503(G,20) wait(20) create(G,1)");
    }

    @Test
    void test_04() {
        RateReplay.replay("false 1 \"\" \"\" absent", "\"\" 14 3 7",
                "create(S,1) 503(S,14) wait(7) 503(S,14) wait(14) create(S,1) create(G,1) 503(G,300) "
                        + "wait(300) create(G,1)");
    }

    @Test
    void test_05() {
        RateReplay.replay("false absent \"\" 1 25", "3 7 \"\" 19",
                "create(S,1) 503(S,19) wait(7) 503(S,19) wait(19) create(S,1) 503(S,19) create(G,1) "
                        + "503(G,25) wait(25) create(G,1) 503(G,25)");
    }

    @Test
    void test_06() {
        RateReplay.replay("false 2 20 1 \"\"", "\"\" \"\" 2 7",
                "create(S,2) 503(S,20) wait(7) 503(S,20) wait(20) create(S,2) create(G,1) 503(G,3600) "
                        + "wait(20) 503(G,3600)");
    }

    @Test
    void test_07() {
        RateReplay.replay("false \"\" \"\" 1 absent", "3 14 2 \"\"",
                "create(S,2) 503(S,3600) wait(14) 503(S,3600) create(G,1) 503(G,3600) wait(300) "
                        + "503(G,3600)");
    }

    @Test
    void test_08() {
        RateReplay.replay("false absent \"\" 2 \"\"", "2 7 3 19",
                "create(S,2) 503(S,7) wait(7) create(S,1) 503(S,19) wait(19) create(S,1) create(G,2) "
                        + "503(G,3600) wait(20) 503(G,3600)");
    }

    @Test
    void test_09() {
        RateReplay.replay("false 2 \"\" absent absent", "2 7 \"\" \"\"",
                "create(S,2) 503(S,7) wait(7) create(S,2) 503(S,7) create(G,2) 503(G,300) wait(300) "
                        + "create(G,2) 503(G,300)");
    }

    @Test
    void test_10() {
        RateReplay.replay("false 1 20 \"\" absent", "3 \"\" 2 19",
                "create(S,2) 503(S,19) wait(19) create(S,1) create(G,1) 503(G,20) wait(20) create(G,1) "
                        + "503(G,20)");
    }

    @Test
    void test_11() {
        RateReplay.replay("false absent 20 2 25", "\"\" \"\" 3 \"\"",
                "create(S,3) 503(S,25) wait(20) 503(S,25) wait(25) create(S,3) create(G,2) 503(G,25) "
                        + "wait(20) 503(G,25) wait(25) create(G,2)");
    }

    @Test
    void test_12() {
        RateReplay.replay("false 1 absent \"\" 25", "\"\" 7 3 \"\"",
                "create(S,1) 503(S,7) wait(7) create(S,1) 503(S,7) create(G,1) 503(G,300) wait(300) "
                        + "create(G,1) 503(G,300)");
    }

    @Test
    void test_13() {
        RateReplay.replay("false 2 10 absent 25", "3 14 \"\" 7",
                "create(S,3) 503(S,14) wait(7) 503(S,14) wait(14) create(S,3) create(G,2) 503(G,10) "
                        + "wait(10) create(G,2) 503(G,10)");
    }

    @Test
    void test_14() {
        RateReplay.replay("false \"\" absent 1 \"\"", "2 14 \"\" 7",
                "create(S,1) 503(S,7) wait(7) create(S,1) 503(S,14) create(G,1) 503(G,3600) wait(20) "
                        + "503(G,3600)");
    }

    @Test
    void test_15() {
        RateReplay.replay("false 1 10 \"\" \"\"", "\"\" \"\" 3 19",
                "create(S,1) 503(S,10) wait(10) create(S,1) 503(S,10) create(G,1) 503(G,10) wait(10) "
                        + "create(G,1) 503(G,10)");
    }

    @Test
    void test_16() {
        RateReplay.replay("false 1 12 1 12", "3 7 3 \"\"",
                "create(S,3) 503(S,7) wait(7) 503(S,12) wait(12) create(S,3) create(G,1) 503(G,12) "
                        + "wait(12) create(G,1) 503(G,12)");
    }

    @Test
    void test_17() {
        RateReplay.replay("false absent absent 2 10", "\"\" 14 2 7",
                "create(S,2) 503(S,7) wait(7) create(S,2) 503(S,7) create(G,2) 503(G,10) wait(10) "
                        + "create(G,2) 503(G,10)");
    }

    @Test
    void test_18() {
        RateReplay.replay("false 1 absent absent absent", "\"\" 14 2 19",
                "create(S,1) 503(S,14) wait(14) create(S,1) create(G,1) 503(G,300) wait(20) 503(G,300)");
    }

    @Test
    void test_19() {
        RateReplay.replay("false absent 10 2 absent", "2 \"\" \"\" 19",
                "create(S,2) 503(S,10) wait(10) 503(S,19) wait(19) create(S,2) 503(S,10) create(G,2) "
                        + "503(G,3600) wait(10) 503(G,3600)");
    }

    @Test
    void test_20() {
        RateReplay.replay("false 2 20 2 10", "3 7 2 \"\"",
                "create(S,2) 503(S,10) wait(7) 503(S,10) wait(10) create(S,2) create(G,2) 503(G,20) "
                        + "wait(20) create(G,2)");
    }

    @Test
    void test_21() {
        RateReplay.replay("false 2 20 absent \"\"", "3 \"\" 3 19",
                "create(S,3) 503(S,20) wait(20) create(S,3) 503(S,20) create(G,2) 503(G,20) wait(20) "
                        + "create(G,2) 503(G,20)");
    }

    @Test
    void test_22() {
        RateReplay.replay("false \"\" 20 1 10", "2 \"\" 3 19",
                "create(S,2) 503(S,20) wait(20) create(S,2) 503(S,20) create(G,1) 503(G,10) wait(10) "
                        + "create(G,1)");
    }

    @Test
    void test_23() {
        RateReplay.replay("false 1 10 2 25", "2 7 3 19",
                "create(S,2) cancelAll(S) 503(S,7) wait(7) create(S,1) 503(S,19) wait(19) create(S,2) "
                        + "503(S,7) create(G,1) cancelAll(G) 503(G,10) wait(10) create(G,1) 503(G,10) wait(10) "
                        + "503(G,25)");
    }

    @Test
    void test_24() {
        RateReplay.replay("false 2 \"\" \"\" 10", "2 14 3 \"\"",
                "create(S,2) 503(S,14) wait(10) 503(S,14) wait(14) create(S,2) create(G,2) 503(G,300) "
                        + "wait(300) create(G,2)");
    }

    @Test
    void test_25() {
        RateReplay.replay("false 1 10 0 25", "2 7 3 19",
                "create(S,2) 503(S,7) wait(7) create(S,1) 503(S,19) wait(19) create(S,2) 503(G,25) "
                        + "wait(10) 503(G,25) wait(25) 503(G,25)");
    }

    @Test
    void test_26() {
        RateReplay.replay("false 1 0 2 25", "2 7 3 19",
                "create(S,2) 503(S,7) wait(7) create(S,1) 503(S,19) wait(19) create(S,1) create(G,2) "
                        + "503(G,25) wait(25) create(G,2)");
    }

    @Test
    void test_27() {
        RateReplay.replay("false 1 10 2 0", "2 7 3 19",
                "create(S,2) 503(S,7) wait(7) create(S,1) 503(S,19) wait(19) create(S,2) create(G,1) "
                        + "503(G,10) wait(10) create(G,1) 503(G,10)");
    }

    @Test
    void test_28() {
        Map<String, ThrottleSettings> settings = RateReplay.replay("false 1 -1 2 25", "2 7 3 19",
                "create(S,2) 503(S,7) wait(7) create(S,1) 503(S,19) wait(19) create(S,2) create(G,1) "
                        + "503(G,300) wait(300) create(G,1)");
        assertThat(settings.get("G").warnings()).containsExactly(minusOne(TTL_1));
        assertThat(settings.get("S").warnings()).isEmpty();
    }

    @Test
    void test_29() {
        RateReplay.replay("false 0 10 2 25", "2 7 3 19",
                "create(S,2) 503(S,7) wait(7) create(S,1) 503(S,19) wait(19) create(S,2) 503(G,10) "
                        + "wait(10) 503(G,10)");
    }

    @Test
    void test_30() {
        RateReplay.replay("false 1 10 2 25", "2 7 0 19",
                "503(S,19) wait(19) 503(S,19) create(G,1) 503(G,10) wait(10) create(G,1) 503(G,10) "
                        + "wait(10) 503(G,25)");
    }

    @Test
    void test_31() {
        Map<String, ThrottleSettings> settings = RateReplay.replay("false 2 10 3 25", "-1 7 3 19",
                "create(S,3) 503(S,19) wait(7) 503(S,19) wait(19) create(S,3) create(G,2) 503(G,10) "
                        + "wait(10) create(G,1) 503(G,25) wait(25) create(G,2)");
        assertThat(settings.get("S").warnings()).containsExactly(minusOne(LIMIT_1));
        assertThat(settings.get("G").warnings()).isEmpty();
    }

    @Test
    void test_32() {
        Map<String, ThrottleSettings> settings = RateReplay.replay("false 1 10 -1 25", "2 7 3 19",
                "create(S,2) 503(S,7) wait(7) create(S,1) 503(S,19) wait(19) create(S,2) create(G,1) "
                        + "503(G,10) wait(10) create(G,1) 503(G,10)");
        assertThat(settings.get("G").warnings()).containsExactly(minusOne(LIMIT_2));
        assertThat(settings.get("S").warnings()).isEmpty();
    }

    @Test
    void test_33() {
        RateReplay.replay("false 1 10 2 25", "2 0 3 19",
                "create(S,3) 503(S,19) wait(19) create(S,3) create(G,1) 503(G,10) wait(10) create(G,1) "
                        + "503(G,10) wait(10) 503(G,25)");
    }

    @Test
    void test_34() {
        Map<String, ThrottleSettings> settings = RateReplay.replay("false 1 9 2 25", "2 -1 3 19",
                "create(S,2) 503(S,300) wait(19) 503(S,300) wait(300) create(S,2) create(G,1) 503(G,9) "
                        + "wait(9) create(G,1) 503(G,9) wait(9) 503(G,25)");
        assertThat(settings.get("S").warnings()).containsExactly(minusOne(TTL_1));
        assertThat(settings.get("G").warnings()).isEmpty();
    }

    @Test
    void test_35() {
        RateReplay.replay("false 1 10 2 25", "0 7 3 19",
                "503(S,7) wait(7) 503(S,7) create(G,1) 503(G,10) wait(10) create(G,1) 503(G,10) wait(10) "
                        + "503(G,25)");
    }

    @Test
    void test_36() {
        RateReplay.replay("false 1 10 2 25", "2 7 3 0",
                "create(S,2) 503(S,7) wait(7) create(S,1) create(G,1) 503(G,10) wait(10) create(G,1) "
                        + "503(G,10) wait(25) create(G,1)");
    }

    /** Desired +300 s, beyond the 120 s execution buffer: not submitted at creation, so not counted. */
    @Test
    void test_37() {
        RateReplay.replay("false 1 10 2 25", "2 7 3 19",
                "createSch(S,4,+300) createSch(G,3,+300)");
    }

    @Test
    void test_38() {
        Map<String, ThrottleSettings> settings = RateReplay.replay("false 1 10 2 25", "2 7 3 -1",
                "create(S,2) 503(S,7) wait(7) create(S,1) create(G,1) 503(G,10) wait(10) create(G,1) "
                        + "503(G,10) wait(25) create(G,1)");
        assertThat(settings.get("S").warnings()).containsExactly(minusOne(TTL_2));
        assertThat(settings.get("G").warnings()).isEmpty();
    }

    @Test
    void test_39() {
        RateReplay.replay("true  1 10 2 25", "2 7 3 19",
                "create(S,2) 503(S,7) wait(7) create(S,1) 503(S,19) wait(19) create(S,2) create(G,1) "
                        + "503(G,10) wait(10) create(G,1) 503(G,10) wait(10) 503(G,25)");
    }

    @Test
    void test_40() {
        Map<String, ThrottleSettings> settings = RateReplay.replay("false -1 10 2 25", "2 7 3 19",
                "create(S,2) 503(S,7) wait(7) create(S,1) 503(S,19) wait(19) create(S,1) create(G,2) "
                        + "503(G,25) wait(25) create(G,1)");
        assertThat(settings.get("G").warnings()).containsExactly(minusOne(LIMIT_1));
        assertThat(settings.get("S").warnings()).isEmpty();
    }

    @Test
    void test_41() {
        Map<String, ThrottleSettings> settings = RateReplay.replay("false 1 10 2 -1", "2 7 3 19",
                "create(S,2) 503(S,7) wait(7) create(S,1) 503(S,19) wait(19) create(S,2) create(G,1) "
                        + "503(G,10) wait(10) create(G,1) 503(G,10) wait(10) 503(G,3600)");
        assertThat(settings.get("G").warnings()).containsExactly(minusOne(TTL_2));
        assertThat(settings.get("S").warnings()).isEmpty();
    }

    @Test
    void test_42() {
        Map<String, ThrottleSettings> settings = RateReplay.replay("false 1 10 2 25", "2 7 -1 19",
                "create(S,2) 503(S,7) wait(7) create(S,1) create(G,1) 503(G,10) wait(10) create(G,1) "
                        + "503(G,10)");
        assertThat(settings.get("S").warnings()).containsExactly(minusOne(LIMIT_2));
        assertThat(settings.get("G").warnings()).isEmpty();
    }

    @Test
    void test_43() {
        RateReplay.replay("false 1 10 2 25", "2 0 3 0",
                "create(S,4) create(G,1) 503(G,10) wait(10) create(G,1) 503(G,10) wait(10) 503(G,25)");
    }

    /** Desired +30 s, within the 120 s execution buffer: submitted at creation, so counted. */
    @Test
    void test_44() {
        RateReplay.replay("false 1 9 2 25", "2 7 3 19",
                "createSch(S,2,+30) 503Sch(S,+30,7) wait(7) createSch(S,1,+30) 503Sch(S,+30,19) wait(19) "
                        + "createSch(S,2,+30) createSch(G,1,+30) 503Sch(G,+30,9) wait(9) createSch(G,1,+30) "
                        + "503Sch(G,+30,9) wait(9) 503Sch(G,+30,25)");
    }

    private static String minusOne(String option) {
        return "Wrong value [-1] for option [" + option + "]";
    }
}
