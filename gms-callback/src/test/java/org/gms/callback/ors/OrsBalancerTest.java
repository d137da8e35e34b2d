package org.gms.callback.ors;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The order in which one request tries the URLs of an {@code _ors} list. */
class OrsBalancerTest {

    private static final URI A = URI.create("http://ors-a:7210");
    private static final URI B = URI.create("http://ors-b:7210");
    private static final URI C = URI.create("http://ors-c:7210");

    private final OrsBalancer balancer = new OrsBalancer();

    @Test
    void should_try_the_urls_in_their_configured_order_on_every_request_when_linear() {
        OrsTarget target = new OrsTarget(List.of(A, B, C), LoadBalancing.LINEAR);

        assertThat(balancer.order(target)).containsExactly(A, B, C);
        assertThat(balancer.order(target)).containsExactly(A, B, C);
        assertThat(balancer.order(target)).containsExactly(A, B, C);
    }

    @Test
    void should_start_one_url_further_on_each_request_then_wrap_around_when_circular() {
        OrsTarget target = new OrsTarget(List.of(A, B, C), LoadBalancing.CIRCULAR);

        assertThat(balancer.order(target)).containsExactly(A, B, C);
        assertThat(balancer.order(target)).containsExactly(B, C, A);
        assertThat(balancer.order(target)).containsExactly(C, A, B);
        assertThat(balancer.order(target)).containsExactly(A, B, C);
    }

    @Test
    void should_share_out_the_first_attempts_evenly_when_circular() {
        OrsTarget target = new OrsTarget(List.of(A, B), LoadBalancing.CIRCULAR);
        List<URI> first = new ArrayList<>();
        for (int request = 0; request < 10; request++) {
            first.add(balancer.order(target).get(0));
        }

        assertThat(first).filteredOn(A::equals).hasSize(5);
        assertThat(first).filteredOn(B::equals).hasSize(5);
    }

    @Test
    void should_keep_one_turn_per_list_when_services_name_different_lists() {
        OrsTarget first = new OrsTarget(List.of(A, B), LoadBalancing.CIRCULAR);
        OrsTarget second = new OrsTarget(List.of(B, C), LoadBalancing.CIRCULAR);

        assertThat(balancer.order(first)).containsExactly(A, B);
        assertThat(balancer.order(second)).containsExactly(B, C);
        assertThat(balancer.order(first)).containsExactly(B, A);
        assertThat(balancer.order(second)).containsExactly(C, B);
    }

    @Test
    void should_try_each_url_once_when_the_list_has_one_or_none() {
        assertThat(balancer.order(new OrsTarget(List.of(A), LoadBalancing.CIRCULAR))).containsExactly(A);
        assertThat(balancer.order(new OrsTarget(List.of(A), LoadBalancing.CIRCULAR))).containsExactly(A);
        assertThat(balancer.order(new OrsTarget(List.of(), LoadBalancing.CIRCULAR))).isEmpty();
    }
}
