package org.gms.server.security.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gms.server.GmsServerExtension;
import org.gms.server.HttpTestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.Isolated;
import org.slf4j.LoggerFactory;

/** Request parameter logging at DEBUG must leave the request body to the servlet that reads it. */
@Isolated("sets a logger of every server in the JVM to DEBUG")
class ParameterLogFilterIT {

    private static final ListAppender<ILoggingEvent> CAPTURED = new ListAppender<>();
    private static Level previousLevel;

    @RegisterExtension
    static final GmsServerExtension gms = GmsServerExtension.defaultServer();

    private final HttpTestClient http = gms.http();

    @BeforeAll
    static void capture() {
        Logger logger = ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(ParameterLogFilter.LOGGER);
        previousLevel = logger.getLevel();
        logger.setLevel(Level.DEBUG);
        CAPTURED.setContext(logger.getLoggerContext());
        CAPTURED.start();
        logger.addAppender(CAPTURED);
    }

    @AfterAll
    static void release() {
        Logger logger = ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(ParameterLogFilter.LOGGER);
        logger.detachAppender(CAPTURED);
        logger.setLevel(previousLevel);
    }

    @Test
    void should_store_the_form_fields_when_storage_requests_are_logged_at_debug() {
        HttpResponse<String> created = http.postForm("/1/storage/60?origin=web",
                Map.of("_subject", "efg", "_customer_number", "5115"));
        assertThat(created.statusCode()).isEqualTo(200);
        Matcher id = Pattern.compile("\"id\":\"([^\"]+)\"").matcher(created.body());
        assertThat(id.find()).isTrue();

        HttpResponse<String> read = http.get("/1/storage/" + id.group(1));
        assertThat(read.body()).contains("\"_subject\":\"efg\"", "\"_customer_number\":\"5115\"");
        List<String> lines;
        synchronized (CAPTURED) {
            lines = CAPTURED.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        }
        assertThat(lines).anyMatch(line -> line.startsWith("(POST) Client IP Address:")
                && line.contains("/genesys/1/storage/60?origin=web"));
        assertThat(lines).anyMatch(line -> line.startsWith("Params:") && line.contains("'origin'"));
    }
}
