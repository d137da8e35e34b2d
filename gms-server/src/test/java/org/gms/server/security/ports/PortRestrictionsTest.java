package org.gms.server.security.ports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PortRestrictionsTest {

    @Test
    void should_read_ports_and_inclusive_ranges_when_written_as_in_gms() {
        assertThat(PortList.parse("80-90")).hasSize(11).contains(80, 85, 90);
        assertThat(PortList.parse("92-98,100")).containsExactly(92, 93, 94, 95, 96, 97, 98, 100);
        assertThat(PortList.parse(" 8080 , 8081 ")).containsExactly(8080, 8081);
    }

    @Test
    void should_refuse_a_value_when_it_is_not_a_port_list() {
        assertThatThrownBy(() -> PortList.parse("90-80")).hasMessageContaining("reversed");
        assertThatThrownBy(() -> PortList.parse("http")).hasMessageContaining("http is not a port");
        assertThatThrownBy(() -> PortList.parse("70000")).hasMessageContaining("not a port");
        assertThatThrownBy(() -> PortList.parse("1-5000")).hasMessageContaining("more than");
    }

    @Test
    void should_let_the_most_specific_pattern_decide_and_leave_unlisted_uris_open() {
        Map<String, String> section = new LinkedHashMap<>();
        section.put("/genesys/1/service/*", "8090");
        section.put("/genesys/1/service/request-interaction", "8091");
        section.put("/genesys/1/storage*", "80-90");
        section.put("/genesys/1/bad*", "x");
        PortRestrictions rules = PortRestrictions.from(section);

        assertThat(rules.allows("/genesys/1/storage/abc", 85)).isTrue();
        assertThat(rules.allows("/genesys/1/storage/abc", 8080)).isFalse();
        assertThat(rules.allows("/genesys/1/service/request-interaction", 8091)).isTrue();
        assertThat(rules.allows("/genesys/1/service/request-interaction", 8090)).isFalse();
        assertThat(rules.allows("/genesys/1/service/request-interaction/x", 8090)).isTrue();
        assertThat(rules.allows("/genesys/1/node", 12345)).isTrue();
        assertThat(rules.allows("/genesys/1/bad/x", 1)).isTrue();
        assertThat(rules.ports()).hasSize(13).contains(8090, 8091, 80, 90);
    }
}
