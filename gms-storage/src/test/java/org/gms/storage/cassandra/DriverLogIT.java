package org.gms.storage.cassandra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.gms.storage.chat.StoredChat;
import org.gms.storage.test.TestCassandra;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * No bound value of ours reaches the log: a batch over Cassandra's size warning threshold (5 KiB) makes the node
 * send a warning back, and the driver, left to its defaults, logs it with the statement and its values.
 */
class DriverLogIT {

    @Test
    void should_not_log_the_values_of_a_batch_that_cassandra_warns_about() {
        String secret = "Basic c2VjcmV0LXRva2VuLW9mLWFsaWNl" + UUID.randomUUID();
        Logger driver = (Logger) LoggerFactory.getLogger("com.datastax.oss.driver");
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        Level level = driver.getLevel();
        driver.setLevel(Level.DEBUG);
        driver.addAppender(lines);
        try {
            Instant now = Instant.now();
            String chatId = UUID.randomUUID().toString().replace("-", "").substring(0, 16);
            // a logged batch of two rows holding the user data, well over 5 KiB
            TestCassandra.get().chats().create(new StoredChat(chatId, "log-test", chatId + secret, "user", "WAITING",
                    "queue", "", "Ann", "subject", "", Map.of("authorization", secret, "padding", "x".repeat(8_000)),
                    "[]", now, now, null, 1), 600);
            // the driver logs a server warning on its I/O thread, once the answer is in: watch for a while
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).untilAsserted(() ->
                    assertThat(logged(lines)).noneMatch(line -> line.contains(secret) || line.contains("c2VjcmV0")));
        } finally {
            driver.detachAppender(lines);
            driver.setLevel(level);
        }
    }

    private static List<String> logged(ListAppender<ILoggingEvent> lines) {
        synchronized (lines.list) {
            return lines.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        }
    }
}
