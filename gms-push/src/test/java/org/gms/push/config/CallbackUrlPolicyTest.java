package org.gms.push.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CallbackUrlPolicyTest {

    private final CallbackUrlPolicy strict = new CallbackUrlPolicy(false, List.of());

    @Test
    void should_refuse_this_host_and_the_internal_network_in_every_spelling() {
        for (String url : List.of("http://127.0.0.1:8080/genesys/1/admin/node/changestatus/OFFLINE",
                "http://localhost/x", "http://0.0.0.0/x", "http://2130706433/x", "http://[::ffff:127.0.0.1]/x",
                "http://[::1]:9000/x", "http://169.254.169.254/latest/meta-data/", "http://10.1.2.3/x",
                "https://172.16.0.9/x", "http://192.168.1.1/x", "http://100.64.0.1/x", "http://[fd00::1]/x",
                "http://[fe80::1]/x", "http://224.0.0.1/x", "http://127.1/x")) {
            assertThat(strict.refusal(url)).as(url).hasValueSatisfying(reason -> assertThat(reason)
                    .contains("loopback, private or link-local", "httpcb.allowed_hosts"));
        }
    }

    @Test
    void should_accept_a_public_address() {
        assertThat(strict.refusal("https://93.184.216.34/hook")).isEmpty();
        assertThat(strict.refusal("http://[2606:2800:220:1:248:1893:25c8:1946]/hook")).isEmpty();
    }

    @Test
    void should_accept_an_internal_receiver_the_operator_lists_or_every_one_when_opted_in() {
        CallbackUrlPolicy listed = new CallbackUrlPolicy(false, List.of(" 10.1.2.3 ", "Hooks.Internal"));

        assertThat(listed.refusal("http://10.1.2.3:9000/hook")).isEmpty();
        assertThat(listed.refusal("http://hooks.internal/x")).isEmpty();
        assertThat(listed.refusal("http://10.1.2.4/hook")).isPresent();
        assertThat(new CallbackUrlPolicy(true, List.of()).refusal("http://127.0.0.1/x")).isEmpty();
    }

    @Test
    void should_refuse_a_url_without_a_host_or_a_host_that_does_not_resolve() {
        assertThat(strict.refusal("http:///path")).hasValueSatisfying(reason -> assertThat(reason)
                .contains("no host"));
        assertThat(strict.refusal("http://bad host/")).isPresent();
        assertThat(strict.refusal("http://no-such-host.invalid/x")).hasValueSatisfying(reason -> assertThat(reason)
                .contains("cannot be resolved"));
    }
}
