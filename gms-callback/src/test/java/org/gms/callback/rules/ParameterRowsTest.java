package org.gms.callback.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gms.callback.rules.ThrottleSettings.PARAMETER_LIMIT;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The rows of the request-parameter throttle table ({@code ThrottlePreventSameCustomerNumberTests}): columns
 * {@code [callback] _throttle_request_parameters_limit _throttle_request_parameters}, then the same for the service,
 * then the steps, as {@link ParameterReplay} plays them ("same as" rows spelled out).
 */
class ParameterRowsTest {

    @Test
    void test_13() {
        ParameterReplay.replay("0 _customer_number", "2 \"\"",
                "create(S,c1,2) 503(S,c1,2) 503(G,c1,0) 503(G,c2,0)");
    }

    @Test
    void test_14() {
        ParameterReplay.replay("2 \"\"", "\"\" \"\"",
                "create(S,c1,2) 503(S,c1,2) create(G,c1,2) 503(G,c1,2) create(G,c2,2) 503(G,c2,2)");
    }

    @Test
    void test_15() {
        ParameterReplay.replay("2 \"\"", "2 absent",
                "create(S,c1,2) 503(S,c1,2) create(G,c1,2) 503(G,c1,2) create(G,c2,2) 503(G,c2,2)");
    }

    @Test
    void test_16() {
        ParameterReplay.replay("\"\" _customer_number", "absent absent",
                "create(S,c1,6) 503(S,c1,6) create(G,c1,6) 503(G,c1,6) create(G,c2,6) 503(G,c2,6)");
    }

    @Test
    void test_17() {
        ParameterReplay.replay("\"\" \"\"", "absent \"\"",
                "create(S,c1,6) 503(S,c1,6) create(G,c1,6) 503(G,c1,6) create(G,c2,6) 503(G,c2,6)");
    }

    @Test
    void test_18() {
        ParameterReplay.replay("\"\" _customer_number", "0 _customer_number",
                "503(S,c1,0) create(G,c1,6) 503(G,c1,6) create(G,c2,6) 503(G,c2,6)");
    }

    @Test
    void test_19() {
        ParameterReplay.replay("0 \"\"", "0 absent",
                "503(S,c1,0) 503(G,c1,0) 503(G,c2,0)");
    }

    @Test
    void test_20() {
        ParameterReplay.replay("0 \"\"", "absent _customer_number",
                "503(S,c1,0) 503(G,c1,0) 503(G,c2,0)");
    }

    @Test
    void test_21() {
        ParameterReplay.replay("0 _customer_number", "\"\" _customer_number",
                "503(S,c1,0) 503(G,c1,0) 503(G,c2,0)");
    }

    @Test
    void test_22() {
        ParameterReplay.replay("\"\" _customer_number", "2 _customer_number",
                "create(S,c1,2) 503(S,c1,2) create(G,c1,6) 503(G,c1,6) create(G,c2,6) 503(G,c2,6)");
    }

    @Test
    void test_23() {
        ParameterReplay.replay("2 _customer_number", "absent _customer_number",
                "create(S,c1,2) 503(S,c1,2) create(G,c1,2) 503(G,c1,2) create(G,c2,2) 503(G,c2,2)");
    }

    @Test
    void test_24() {
        ParameterReplay.replay("2 _customer_number", "0 \"\"",
                "503(S,c1,0) create(G,c1,2) 503(G,c1,2) create(G,c2,2) 503(G,c2,2)");
    }

    @Test
    void test_25() {
        ParameterReplay.replay("\"\" _customer_number", "\"\" absent",
                "create(S,c1,6) 503(S,c1,6) create(G,c1,6) 503(G,c1,6) create(G,c2,6) 503(G,c2,6)");
    }

    @Test
    void test_26() {
        Map<String, ThrottleSettings> settings = ParameterReplay.replay("-1 _customer_number",
                "absent _customer_number",
                "create(S,c1,6) 503(S,c1,6) create(G,c1,6) 503(G,c1,6) create(G,c2,6) 503(G,c2,6)");
        assertThat(settings.get("S").warnings()).containsExactly(minusOne(PARAMETER_LIMIT));
        assertThat(settings.get("G").warnings()).containsExactly(minusOne(PARAMETER_LIMIT));
    }

    /** Desired +300 s, beyond the 120 s execution buffer: neither checked nor counted, so limit 0 passes. */
    @Test
    void test_27() {
        ParameterReplay.replay("0 \"\"", "absent absent",
                "createSch(S,c1,2,+300) createSch(G,c1,2,+300)");
    }

    /** Desired +600 s, beyond the 120 s execution buffer: neither checked nor counted, so 8 pass limit 7. */
    @Test
    void test_28() {
        ParameterReplay.replay("\"\" _customer_number", "7 _customer_number",
                "createSch(S,c1,8,+600) createSch(G,c1,7,+600)");
    }

    @Test
    void test_29() {
        Map<String, ThrottleSettings> settings = ParameterReplay.replay("2 _customer_number", "-1 _customer_number",
                "create(S,c1,6) 503(S,c1,6) create(G,c1,2) 503(G,c1,2) create(G,c2,2) 503(G,c2,2)");
        assertThat(settings.get("S").warnings()).containsExactly(minusOne(PARAMETER_LIMIT));
        assertThat(settings.get("G").warnings()).isEmpty();
    }

    /** Desired +900 s, beyond the 120 s execution buffer: neither checked nor counted, so 8 pass limit 7. */
    @Test
    void test_30() {
        ParameterReplay.replay("7 \"\"", "\"\" \"\"",
                "createSch(S,c1,8,+900) createSch(G,c1,8,+900)");
    }

    /** Desired +1200 s, beyond the 120 s execution buffer: neither checked nor counted, so limit 0 passes. */
    @Test
    void test_31() {
        ParameterReplay.replay("7 \"\"", "0 _customer_number",
                "createSch(S,c1,2,+1200) createSch(G,c1,8,+1200)");
    }

    private static String minusOne(String option) {
        return "Wrong value [-1] for option [" + option + "]";
    }
}
