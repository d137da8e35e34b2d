package org.gms.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.gms.server.cluster.Cluster;
import org.gms.storage.error.StorageUnavailableException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A start that fails after Jetty is up stops everything it started, whatever the failure. */
class StartFailureIT {

    @RegisterExtension
    static final GmsServerExtension gms = GmsServerExtension.noServer();

    @Test
    void should_stop_what_started_when_joining_the_cluster_fails_with_a_storage_error() throws IOException {
        int port = freePort();
        GmsServer server = gms.create(gms.builder()
                .startProperty("jetty.http.port", Integer.toString(port))
                .clock(new FailingWhileJoining()));
        assertThatThrownBy(server::start).isInstanceOf(StorageUnavailableException.class);
        assertThat(server.isStarted()).isFalse();
        assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).as("nothing listens on the HTTP port")
                .isInstanceOf(IOException.class);
    }

    /** Cassandra lost exactly while the node joins the cluster: the clock is read first thing in the join. */
    private static final class FailingWhileJoining extends Clock {

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            boolean joining = StackWalker.getInstance().walk(frames -> frames.anyMatch(frame ->
                    frame.getClassName().equals(Cluster.class.getName()) && frame.getMethodName().equals("join")));
            if (joining) {
                throw new StorageUnavailableException("Storage is unavailable", null);
            }
            return Instant.now();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
