package org.gms.server.security.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.gms.server.GmsServer;
import org.gms.server.GmsServerExtension;
import org.gms.server.HttpTestClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.Isolated;
import org.slf4j.LoggerFactory;

/**
 * Every log line of requests carrying secrets, with the server's loggers at TRACE and the access log on: none of the
 * secrets may appear.
 */
@Isolated("sets the server loggers to TRACE and reads every log line of the JVM")
class LogPrivacyIT {

    private static final List<String> SECRETS = List.of("Sup3rSecretPass", "QueryPass123", "FormPass456",
            "4111222233334444", "XxxValue987", "ann@example.org", "WrongGuess789", "XXX_token", "XXX_note",
            base64("default:Sup3rSecretPass"), base64("default:WrongGuess789"));

    @RegisterExtension
    static final GmsServerExtension gms = GmsServerExtension.noServer();

    private final ListAppender<ILoggingEvent> captured = new ListAppender<>();
    private final Map<String, Level> previousLevels = new LinkedHashMap<>();
    private GmsServer server;

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    @BeforeEach
    void start() throws Exception {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        for (String name : List.of("org.gms", GmsServer.ACCESS_LOG, ParameterLogFilter.LOGGER, "org.eclipse.jetty")) {
            Logger logger = context.getLogger(name);
            previousLevels.put(name, logger.getLevel());
            // Jetty's own DEBUG output dumps raw requests, headers included; it is a developer tool, never left on
            logger.setLevel(name.equals("org.eclipse.jetty") ? Level.INFO : Level.TRACE);
        }
        captured.setContext(context);
        captured.start();
        context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).addAppender(captured);
        // started once the loggers capture, so its start-up lines are checked too
        server = gms.start(gms.builder()
                .option("server", "username", "default").option("server", "password", "Sup3rSecretPass")
                .option("log-filter-data", "email", "hide"));
    }

    @AfterEach
    void restoreLogging() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).detachAppender(captured);
        previousLevels.forEach((name, level) -> context.getLogger(name).setLevel(level));
    }

    @Test
    void should_keep_passwords_and_masked_values_out_of_every_log_line_when_requests_carry_them() {
        HttpTestClient http = new HttpTestClient(server);
        http.send(HttpRequest.newBuilder(http.uri("/1/storage/abc?password=QueryPass123&MMM_card=4111222233334444"
                        + "&XXX_token=XxxValue987&email=ann%40example.org&city=Lyon"))
                .header("Authorization", "Basic " + base64("default:Sup3rSecretPass")));
        http.send(HttpRequest.newBuilder(http.uri("/1/service/request-interaction"))
                .header("Authorization", "Basic " + base64("default:Sup3rSecretPass"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("password=FormPass456&MMM_card=4111222233334444"
                        + "&XXX_note=XxxValue987&email=ann%40example.org&firstName=Visible")));
        http.send(HttpRequest.newBuilder(http.uri("/1/storage/abc"))
                .header("Authorization", "Basic " + base64("default:WrongGuess789")));

        await().atMost(Duration.ofSeconds(10)).until(() -> lines().stream()
                .filter(line -> line.contains("\"GET /genesys/1/storage/abc") || line.contains("\"POST /genesys"))
                .count() >= 3);
        String all = String.join("\n", lines());

        assertThat(all).contains("'firstName' [str] = \"Visible\"", "'MMM_card' [output suppressed]",
                "'password' [output suppressed]", "'email' [output suppressed]", "city=Lyon", "default");
        for (String secret : SECRETS) {
            assertThat(all).as("log lines must not contain " + secret).doesNotContain(secret);
        }
    }

    private List<String> lines() {
        synchronized (captured) {
            return captured.list.stream().map(event -> event.getFormattedMessage()
                            + (event.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(event.getThrowableProxy())))
                    .collect(Collectors.toList());
        }
    }
}
