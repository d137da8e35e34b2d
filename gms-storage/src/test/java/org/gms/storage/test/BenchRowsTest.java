package org.gms.storage.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class BenchRowsTest {

    @Test
    void should_print_ours_the_baseline_their_ratio_the_target_and_the_verdict() {
        List<String> fields = BenchRows.parse(BenchRows.relative("storage create+read", 291.4, 633, "pairs/s", 0.7,
                "raw driver"));

        assertThat(fields).hasSize(BenchRows.FIELDS - 1);
        assertThat(fields.subList(0, 6)).containsExactly("storage create+read", "291 pairs/s", "633 pairs/s", "0.46",
                ">= 0.70x raw driver", "short");
    }

    @Test
    void should_pass_a_ratio_that_reaches_the_target_exactly() {
        assertThat(BenchRows.parse(BenchRows.relative("chat", 80, 100, "round trips/s", 0.8, "bare echo")).get(5))
                .isEqualTo("pass");
        assertThat(BenchRows.parse(BenchRows.relative("chat", 79.9, 100, "round trips/s", 0.8, "bare echo")).get(5))
                .isEqualTo("short");
    }

    @Test
    void should_fall_short_when_the_baseline_measured_nothing() {
        List<String> fields = BenchRows.parse(BenchRows.relative("push", 10, 0, "pushes/s", 0.6, "plain client"));

        assertThat(fields.get(5)).isEqualTo("short");
    }

    @Test
    void should_leave_baseline_and_ratio_empty_for_an_absolute_target() {
        List<String> floor = BenchRows.parse(BenchRows.atLeast("jobs burst", 372, "jobs/s", 2000));
        List<String> ceiling = BenchRows.parse(BenchRows.atMost("callback create p99", 44.25, "ms", 50));

        assertThat(floor.subList(0, 6)).containsExactly("jobs burst", "372 jobs/s", "", "", ">= 2000 jobs/s",
                "short");
        assertThat(ceiling.subList(0, 6)).containsExactly("callback create p99", "44.3 ms", "", "", "<= 50.0 ms",
                "pass");
    }

    @Test
    void should_write_none_and_fall_short_when_a_delay_was_never_reached() {
        List<String> fields = BenchRows.parse(BenchRows.atMost("callback lateness p99", Double.POSITIVE_INFINITY,
                "ms", 1000));

        assertThat(fields.subList(0, 6)).containsExactly("callback lateness p99", "none", "", "", "<= 1000 ms",
                "short");
    }

    @Test
    void should_end_with_the_cpu_seconds_of_this_jvm_and_its_children_and_the_wall_seconds() {
        List<String> fields = BenchRows.parse(BenchRows.atLeast("jobs burst", 2500, "jobs/s", 2000));

        double cpu = Double.parseDouble(fields.get(6));
        double children = Double.parseDouble(fields.get(7));
        double wall = Double.parseDouble(fields.get(8));
        assertThat(cpu).isGreaterThan(0);
        assertThat(children).isGreaterThanOrEqualTo(0);
        assertThat(wall).isGreaterThan(0);
    }

    @Test
    void should_write_numbers_with_a_dot_whatever_the_default_locale() {
        Locale previous = Locale.getDefault();
        Locale.setDefault(Locale.GERMANY);
        try {
            List<String> fields = BenchRows.parse(BenchRows.relative("services", 1234.5, 2469, "round trips/s", 0.5,
                    "raw LWT insert+delete"));

            assertThat(fields.get(1)).isEqualTo("1235 round trips/s");
            assertThat(fields.get(3)).isEqualTo("0.50");
            assertThat(fields.get(6)).matches("[0-9]+\\.[0-9]");
        } finally {
            Locale.setDefault(previous);
        }
    }

    @Test
    void should_refuse_a_field_that_would_break_the_row() {
        assertThatThrownBy(() -> BenchRows.atLeast("a|b", 1, "jobs/s", 2))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BenchRows.atLeast("a\nb", 1, "jobs/s", 2))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void should_not_take_other_lines_for_rows() {
        assertThat(BenchRows.parse("12:00:01.000 INFO  [main] o.g.s.GmsServer - started")).isEmpty();
        assertThat(BenchRows.parse("BENCH-ROW|too|few")).isEmpty();
    }
}
