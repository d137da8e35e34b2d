package org.gms.server.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Clock;
import org.gms.server.GmsServer;
import org.gms.server.TestServers;
import org.gms.server.config.ConfigHolder;
import org.gms.server.config.GmsConfig;
import org.gms.storage.test.TestCassandra;

/** A test server whose configuration the test can change while it runs, as the file watcher would. */
public record SecurityServers(ConfigHolder holder, GmsServer server, GmsConfig initial) {

    public static SecurityServers start(TestServers builder) throws Exception {
        GmsConfig config = builder.config();
        return start(config);
    }

    public static SecurityServers start(GmsConfig config) throws Exception {
        ConfigHolder holder = new ConfigHolder(config);
        GmsServer server = GmsServer.create(holder, Clock.systemUTC(), TestCassandra.get().environment());
        server.start();
        return new SecurityServers(holder, server, config);
    }

    /** A port nobody listens on right now. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void stop() throws Exception {
        server.stop();
    }
}
