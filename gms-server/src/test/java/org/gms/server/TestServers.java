package org.gms.server;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.gms.server.config.ConfigHolder;
import org.gms.server.config.ConfigLoader;
import org.gms.server.config.GmsConfig;
import org.gms.server.config.GmsOptions;
import org.gms.server.security.SecurityHandlers;
import org.gms.server.security.auth.AdminUser;
import org.gms.server.security.auth.PasswordHashes;
import org.gms.server.security.auth.Role;
import org.gms.server.security.auth.UsersFile;
import org.gms.storage.test.TestCassandra;

/**
 * Builds servers for integration tests: HTTP on a free port, storage on the per-JVM test Cassandra node, options
 * given in code exactly as they would be written in gms.ini. Alone it gives the defaults (node id 1, keyspaces
 * {@code gsg} and {@code gsg_dd}); {@link GmsServerExtension#builder()} adds keyspaces of the test class's own and a
 * node id unique among the class's nodes.
 */
public final class TestServers {

    /** The Administrator every test server has in its users.ini unless {@link #withoutAdminUser()} is called. */
    public static final String ADMIN_USER = "test-admin";
    public static final String ADMIN_PASSWORD = "test-admin-password";
    private static final String ADMIN_HASH = PasswordHashes.hash(ADMIN_PASSWORD.toCharArray());

    private final Map<String, Map<String, String>> sections = new LinkedHashMap<>();
    private final Map<String, String> start = new LinkedHashMap<>();
    private final Map<String, Map<String, Map<String, String>>> lists = new LinkedHashMap<>();
    private Clock clock = Clock.systemUTC();
    private boolean adminUser = true;

    private TestServers() {
        start.put("jetty.http.port", "0");
        start.put("jetty.http.host", "127.0.0.1");
        option("cassandra", "nodes", "127.0.0.1:" + TestCassandra.get().nativePort());
        option("server", "web_host", "127.0.0.1");
        // the tests' callback receivers listen on this host
        option("push", "httpcb.allowed_hosts", "127.0.0.1");
    }

    private final List<AdminUser> users = new ArrayList<>();

    public static TestServers builder() {
        return new TestServers();
    }

    public TestServers option(String section, String name, String value) {
        sections.computeIfAbsent(section, key -> new LinkedHashMap<>()).put(name, value);
        return this;
    }

    public TestServers startProperty(String name, String value) {
        start.put(name, value);
        return this;
    }

    /** A list as {@code etc/lists/<name>.ini} would hold it: each section a group. */
    public TestServers list(String name, Map<String, Map<String, String>> groups) {
        lists.put(name, groups);
        return this;
    }

    public TestServers clock(Clock clock) {
        this.clock = clock;
        return this;
    }

    /** Adds a user to users.ini, with the queues an agent serves (none: every queue). */
    public TestServers user(String name, Role role, String password, String... queues) {
        users.add(new AdminUser(name, role, PasswordHashes.hash(password.toCharArray()), List.of(queues)));
        return this;
    }

    /** No users.ini: the admin API then has no user. */
    public TestServers withoutAdminUser() {
        adminUser = false;
        return this;
    }

    public GmsConfig config() {
        try {
            Path home = Files.createTempDirectory("gms-test-home");
            if (adminUser) {
                Files.createDirectories(home.resolve("etc"));
                UsersFile file = new UsersFile(home.resolve("etc").resolve(SecurityHandlers.USERS_FILE));
                file.put(new AdminUser(ADMIN_USER, Role.ADMINISTRATOR, ADMIN_HASH));
                for (AdminUser user : users) {
                    file.put(user);
                }
            }
            return new ConfigLoader(home, home.resolve("etc"), home.resolve("logs"), GmsOptions.catalogue(),
                    new Properties()).of(sections, start, lists);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Creates the server, unstarted. */
    public GmsServer create() {
        return create(new ConfigHolder(config()));
    }

    /** Creates the server, unstarted, on a holder the caller keeps to change options while it runs. */
    GmsServer create(ConfigHolder holder) {
        return GmsServer.create(holder, clock, TestCassandra.get().environment());
    }

    /** Creates and starts the server. */
    public GmsServer start() throws Exception {
        GmsServer server = create();
        server.start();
        return server;
    }
}
