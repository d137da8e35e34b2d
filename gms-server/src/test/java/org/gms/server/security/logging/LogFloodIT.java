package org.gms.server.security.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.gms.server.GmsServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/**
 * Requests anyone can send without credentials must not fill the log: a flood of bad Host headers, oversized URIs
 * and malformed CometD bodies is answered 4xx and leaves at most a few WARN lines, and no stack trace.
 */
class LogFloodIT {

    private static final int REQUESTS = 20;

    @RegisterExtension
    static final GmsServerExtension gms = GmsServerExtension.defaultServer();

    @Test
    void should_answer_a_flood_of_bad_requests_with_4xx_and_keep_the_log_quiet() throws Exception {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        root.addAppender(appender);
        List<Integer> statuses = new ArrayList<>();
        try {
            for (int index = 0; index < REQUESTS; index++) {
                statuses.add(send("GET /genesys/1/node HTTP/1.1\r\nHost: bad host^" + index + "\r\n\r\n"));
                statuses.add(send("GET /genesys/1/storage/" + "x".repeat(10_000) + " HTTP/1.1\r\nHost: a\r\n\r\n"));
                String body = "[{\"channel\":";
                statuses.add(send("POST /genesys/cometd HTTP/1.1\r\nHost: a\r\nContent-Type: application/json\r\n"
                        + "Content-Length: " + body.length() + "\r\n\r\n" + body));
            }
        } finally {
            root.detachAppender(appender);
        }

        assertThat(statuses).allSatisfy(status -> assertThat(status).isBetween(400, 499));
        List<String> loud;
        synchronized (appender.list) {
            loud = appender.list.stream().filter(event -> event.getLevel().isGreaterOrEqual(Level.WARN))
                    .map(event -> event.getLoggerName() + ": " + event.getFormattedMessage()
                            + (event.getThrowableProxy() == null ? "" : " [trace]")).toList();
        }
        assertThat(loud).as("WARN and ERROR lines").hasSizeLessThanOrEqualTo(3)
                .noneMatch(line -> line.endsWith("[trace]"));
    }

    private static int send(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", gms.server().localUri().getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder line = new StringBuilder();
            int next;
            while ((next = in.read()) != -1 && next != '\n') {
                line.append((char) next);
            }
            String[] parts = line.toString().split(" ");
            return parts.length > 1 ? Integer.parseInt(parts[1]) : -1;
        }
    }
}
