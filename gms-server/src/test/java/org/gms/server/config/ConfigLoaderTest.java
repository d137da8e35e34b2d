package org.gms.server.config;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.gms.storage.CassandraSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class ConfigLoaderTest {

    @TempDir
    Path home;
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Logger loaderLog = (Logger) LoggerFactory.getLogger(ConfigLoader.class);

    @BeforeEach
    void captureLogs() {
        logs.start();
        loaderLog.addAppender(logs);
    }

    @AfterEach
    void releaseLogs() {
        loaderLog.detachAppender(logs);
    }

    @Test
    void should_overlay_node_options_key_by_key_when_both_files_set_a_section() throws IOException {
        write("gms.ini", "[cassandra]\nkeyspace-prefix = cluster\nlocal-dc = dc1\n");
        write("node.ini", "[cassandra]\nlocal-dc = dc2\n");
        GmsConfig config = load(new Properties());
        assertThat(config.value("cassandra", "keyspace-prefix")).isEqualTo("cluster");
        assertThat(config.value("cassandra", "local-dc")).isEqualTo("dc2");
    }

    @Test
    void should_log_wrong_value_and_use_the_default_when_a_value_is_invalid() throws IOException {
        write("gms.ini", "[sml]\nsuspending-wait-timeout = 1000\n[cassandra]\nnative-port = abc\n");
        GmsConfig config = load(new Properties());
        assertThat(config.intValue("sml", "suspending-wait-timeout")).isEqualTo(10);
        assertThat(config.intValue("cassandra", "native-port")).isEqualTo(9042);
        assertThat(messages()).anyMatch(line -> line.startsWith("Wrong value [1000] for option [suspending-wait-timeout]"))
                .anyMatch(line -> line.startsWith("Wrong value [abc] for option [native-port]"));
    }

    @Test
    void should_report_an_unknown_option_once_when_loaded_twice() throws IOException {
        write("gms.ini", "[server]\nno_such_option = 1\n");
        ConfigLoader loader = loader(new Properties());
        loader.load();
        loader.load();
        assertThat(messages()).filteredOn(line -> line.contains("no_such_option")).hasSize(1);
    }

    @Test
    void should_apply_the_defaults_when_options_are_set_blank() throws IOException {
        write("gms.ini", "[cassandra]\nkeyspace-prefix =\nembedded-data-dir =   \nlocal-dc = dc1\n");
        GmsConfig config = load(new Properties());
        assertThat(config.value("cassandra", "keyspace-prefix")).isEqualTo("gsg");
        assertThat(config.value("cassandra", "embedded-data-dir")).isEqualTo("data/cassandra");
        assertThat(config.value("cassandra", "local-dc")).isEqualTo("dc1");
        assertThat(CassandraSettings.from(config).keyspacePrefix()).isEqualTo("gsg");
        assertThat(CassandraSettings.from(config).embeddedDataDir()).isEqualTo(home.resolve("data/cassandra"));
    }

    @Test
    void should_keep_an_empty_push_type_list_when_push_enabled_is_set_blank() throws IOException {
        write("gms.ini", "[push]\npushEnabled =\n");
        GmsConfig config = load(new Properties());
        assertThat(config.value("push", "pushEnabled")).isEmpty();
        assertThat(config.rawSection("push")).containsEntry("pushEnabled", "");
    }

    @Test
    void should_resolve_a_secret_named_by_section_when_the_value_is_a_section_name() throws IOException {
        write("gms.ini", "[cassandra-authentication-security]\nusername = gms\npassword = cassandra-secret\n"
                + "[cassandra-secret]\npassword = s3cret\n");
        GmsConfig config = load(new Properties());
        assertThat(config.secret("cassandra-authentication-security", "password")).isEqualTo("s3cret");
        assertThat(CassandraSettings.from(config).password()).isEqualTo("s3cret");
        assertThat(CassandraSettings.from(config).toString()).doesNotContain("s3cret");
    }

    @Test
    void should_read_lists_as_groups_when_the_lists_folder_has_files() throws IOException {
        Files.createDirectories(home.resolve("etc/lists"));
        Files.writeString(home.resolve("etc/lists/GMS_Resources.ini"), "[DNIS]\n_allocation_strategy = CLUSTER\n5551000 =\n");
        GmsConfig config = load(new Properties());
        assertThat(config.list("GMS_Resources")).hasValueSatisfying(groups ->
                assertThat(groups.get("DNIS")).containsEntry("_allocation_strategy", "CLUSTER").containsKey("5551000"));
    }

    @Test
    void should_let_system_properties_override_start_ini_and_decode_obfuscated_passwords() throws IOException {
        write("start.ini", "--module=http\njetty.http.port=8181\njetty.sslContext.keyStorePassword="
                + org.eclipse.jetty.util.security.Password.obfuscate("changeit") + "\n");
        Properties system = new Properties();
        system.setProperty("jetty.http.port", "9191");
        GmsConfig config = load(system);
        assertThat(config.start().integer("jetty.http.port")).isEqualTo(9191);
        assertThat(config.start().get("jetty.sslContext.keyStorePassword")).isEqualTo("changeit");
        assertThat(config.start().get("jetty.http.idleTimeout")).isEqualTo("30000");
        assertThat(config.start().toString()).doesNotContain("changeit");
    }

    @Test
    void should_reload_immediately_when_the_file_changes() throws Exception {
        write("gms.ini", "[server]\ncacheSeconds = 0\n");
        ConfigLoader loader = loader(new Properties());
        ConfigHolder holder = new ConfigHolder(loader.load());
        ConfigWatcher watcher = new ConfigWatcher(loader, holder);
        watcher.start();
        try {
            write("gms.ini", "[server]\ncacheSeconds = 60\n");
            watcher.check();
            assertThat(holder.get().intValue("server", "cacheSeconds")).isEqualTo(60);
        } finally {
            watcher.stop();
        }
    }

    private GmsConfig load(Properties system) throws IOException {
        return loader(system).load();
    }

    private ConfigLoader loader(Properties system) {
        return new ConfigLoader(home, home.resolve("etc"), home.resolve("logs"), GmsOptions.catalogue(), system);
    }

    private void write(String name, String text) throws IOException {
        Files.createDirectories(home.resolve("etc"));
        Files.writeString(home.resolve("etc").resolve(name), text);
    }

    private java.util.List<String> messages() {
        return logs.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }
}
