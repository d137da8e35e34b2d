package org.gms.push.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PushMetricsTest {

    @Test
    void should_report_the_bucket_bounds_of_p50_and_p99_when_latencies_are_spread() {
        PushMetrics metrics = new PushMetrics();
        for (int index = 0; index < 98; index++) {
            metrics.recordSent("httpcb", "", Duration.ofMillis(3));
        }
        metrics.recordSent("httpcb", "", Duration.ofMillis(700));
        metrics.recordSent("httpcb", "", Duration.ofMillis(900));

        assertThat(metrics.latencyPercentileMillis("httpcb", 50)).isEqualTo(4);
        assertThat(metrics.latencyPercentileMillis("httpcb", 99)).isEqualTo(1024);
        assertThat(metrics.snapshot().get("httpcb")).containsEntry("sent", 100L)
                .containsEntry("latencyP50MillisAtMost", 4L).containsEntry("latencyP99MillisAtMost", 1024L);
    }

    @Test
    void should_count_a_named_providers_pushes_under_its_type_and_under_its_name_when_recorded() {
        PushMetrics metrics = new PushMetrics();
        metrics.recordSent("httpcb", "ors", Duration.ofMillis(3));
        metrics.recordSent("httpcb", "", Duration.ofMillis(3));
        metrics.recordFailed("httpcb", "ors");
        metrics.recordRetried("fcm", "mobile");

        assertThat(metrics.sent("httpcb")).isEqualTo(2);
        assertThat(metrics.sent(PushMetrics.named("ors", "httpcb"))).isEqualTo(1);
        assertThat(metrics.failed(PushMetrics.named("ors", "httpcb"))).isEqualTo(1);
        assertThat(metrics.snapshot()).containsOnlyKeys("httpcb", "ors/httpcb", "fcm", "mobile/fcm");
        assertThat(metrics.snapshot().get("mobile/fcm")).containsEntry("retried", 1L).containsEntry("sent", 0L);
    }

    @Test
    void should_report_zero_percentiles_when_nothing_was_sent() {
        assertThat(new PushMetrics().latencyPercentileMillis("fcm", 99)).isZero();
    }

    @Test
    void should_put_sub_millisecond_and_huge_latencies_in_the_first_and_last_buckets() {
        assertThat(PushMetrics.bucket(0)).isZero();
        assertThat(PushMetrics.bucket(1)).isEqualTo(1);
        assertThat(PushMetrics.bucket(Long.MAX_VALUE)).isEqualTo(23);
    }
}
