package org.gms.server.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import org.gms.server.config.GmsConfig;
import org.gms.server.security.TestConfigs;
import org.junit.jupiter.api.Test;

class LogLevelsTest {

    @Test
    void should_keep_the_node_name_and_the_flags_when_logback_reloads_its_file() {
        GmsConfig config = TestConfigs.builder().option("server", "node_id", "7")
                .option("log", "ClusterService", "true").build();
        LoggerContext context = new LoggerContext();
        LogLevels.nameNode(context, "7");
        LogLevels.apply(context, LogSettings.from(config));
        LogLevels.followLogbackReloads(context, "7", () -> LogSettings.from(config));

        context.reset();

        assertThat(context.getProperty("gms.node")).isEqualTo("7");
        assertThat(context.getLogger("org.gms.server.cluster").getLevel()).isEqualTo(Level.DEBUG);
        assertThat(context.getLogger("org.gms.server.service").getLevel()).isNull();
        assertThat(context.getLogger("org.eclipse.jetty.util.HostPort").getLevel()).isEqualTo(Level.ERROR);
    }

    @Test
    void should_quiet_jetty_about_malformed_requests_unless_logback_xml_sets_a_level_for_it() {
        LoggerContext context = new LoggerContext();
        context.getLogger("org.eclipse.jetty.http.HttpParser").setLevel(Level.DEBUG);

        LogLevels.quietClientNoise(context);

        assertThat(context.getLogger("org.eclipse.jetty.util.HostPort").getLevel()).isEqualTo(Level.ERROR);
        assertThat(context.getLogger("org.eclipse.jetty.http.HttpParser").getLevel()).isEqualTo(Level.DEBUG);
        assertThat(context.getLogger("org.eclipse.jetty.server").getLevel()).isNull();
    }
}
