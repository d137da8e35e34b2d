package org.gms.storage.cassandra;

import com.datastax.oss.driver.api.core.AllNodesFailedException;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.CqlSessionBuilder;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.api.core.config.ProgrammaticDriverConfigLoaderBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.gms.storage.CassandraSettings;

/**
 * Builds the one {@link CqlSession} of the process from our settings (never from an {@code application.conf}).
 * TLS uses its own trust store when one is configured, leaving the JVM-wide one to the push providers.
 */
public final class SessionFactory {

    private SessionFactory() {
    }

    public static CqlSession connect(CassandraSettings settings, Duration schemaDebounce) {
        List<InetSocketAddress> points = settings.contactPoints();
        ProgrammaticDriverConfigLoaderBuilder config = DriverConfigLoader.programmaticBuilder()
                .withString(DefaultDriverOption.SESSION_NAME, "gms")
                // the driver would log Cassandra's warnings (a large batch, many tombstones) with the statement and
                // its bound values: credentials, secure keys and user data; the node's own log keeps the warning
                .withBoolean(DefaultDriverOption.REQUEST_LOG_WARNINGS, false)
                .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, Duration.ofMillis(settings.requestTimeoutMillis()))
                .withString(DefaultDriverOption.REQUEST_CONSISTENCY, settings.consistency())
                .withString(DefaultDriverOption.REQUEST_SERIAL_CONSISTENCY, "LOCAL_SERIAL")
                .withString(DefaultDriverOption.LOAD_BALANCING_LOCAL_DATACENTER, settings.localDc())
                .withDuration(DefaultDriverOption.CONNECTION_INIT_QUERY_TIMEOUT, Duration.ofSeconds(5))
                .withDuration(DefaultDriverOption.CONTROL_CONNECTION_TIMEOUT, Duration.ofSeconds(5))
                .withDuration(DefaultDriverOption.METADATA_SCHEMA_REQUEST_TIMEOUT, Duration.ofSeconds(10))
                .withDuration(DefaultDriverOption.METADATA_SCHEMA_WINDOW, schemaDebounce)
                // only our two keyspaces: a cluster shared with other applications (or a test node holding many
                // keyspaces) must not make every connect and schema change read all of their metadata
                .withStringList(DefaultDriverOption.METADATA_SCHEMA_REFRESHED_KEYSPACES,
                        List.of(settings.keyspace(), settings.dataDepotKeyspace()))
                .withDuration(DefaultDriverOption.RECONNECTION_BASE_DELAY, Duration.ofMillis(500))
                .withDuration(DefaultDriverOption.RECONNECTION_MAX_DELAY, Duration.ofSeconds(5))
                .withBoolean(DefaultDriverOption.RECONNECT_ON_INIT, false)
                .withDuration(DefaultDriverOption.HEARTBEAT_INTERVAL, Duration.ofSeconds(5))
                // the session closes once, when the node stops: its threads need not wait 2 s for more work first
                .withInt(DefaultDriverOption.NETTY_IO_SHUTDOWN_QUIET_PERIOD, 0)
                .withInt(DefaultDriverOption.NETTY_ADMIN_SHUTDOWN_QUIET_PERIOD, 0);
        CqlSessionBuilder builder = CqlSession.builder()
                .withConfigLoader(config.build())
                .withLocalDatacenter(settings.localDc())
                .withApplicationName("gms");
        for (InetSocketAddress point : points) {
            builder.addContactPoint(new InetSocketAddress(point.getHostString(), point.getPort()));
        }
        settings.username().ifPresent(user -> builder.withAuthCredentials(user, settings.password()));
        if (settings.secured()) {
            builder.withSslContext(sslContext(settings));
        }
        try {
            return builder.build();
        } catch (AllNodesFailedException e) {
            throw new IllegalStateException("Cannot reach Cassandra at " + describe(points) + " (local DC "
                    + settings.localDc() + "): " + summary(e), e);
        } catch (RuntimeException e) {
            throw new IllegalStateException("Cannot connect to Cassandra at " + describe(points) + ": " + e.getMessage(), e);
        }
    }

    private static String describe(List<InetSocketAddress> points) {
        return points.stream().map(point -> point.getHostString() + ":" + point.getPort()).toList().toString();
    }

    private static String summary(AllNodesFailedException e) {
        StringBuilder text = new StringBuilder();
        e.getAllErrors().forEach((node, errors) -> {
            if (text.length() > 0) {
                text.append("; ");
            }
            Throwable first = errors.isEmpty() ? null : errors.get(0);
            text.append(node.getEndPoint()).append(" -> ")
                    .append(first == null ? "no answer" : first.getClass().getSimpleName() + ": " + first.getMessage());
        });
        return text.length() == 0 ? e.getMessage() : text.toString();
    }

    private static SSLContext sslContext(CassandraSettings settings) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            if (settings.truststore().isEmpty()) {
                context.init(null, null, null);
                return context;
            }
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            try (InputStream in = Files.newInputStream(settings.truststore().get())) {
                store.load(in, settings.truststorePassword().toCharArray());
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot read [cassandra] truststore " + settings.truststore().orElse(null)
                    + ": " + e.getMessage(), e);
        }
    }
}
