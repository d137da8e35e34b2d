package org.gms.server.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.gms.server.storage.StorageClient.json;

import java.time.Duration;
import java.util.Map;
import org.gms.server.GmsServerExtension;
import org.gms.storage.test.MovableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.Isolated;

/** Expired documents are never returned: by Cassandra's TTL, and by the stored expiry before Cassandra purges. */
@Isolated("Cassandra TTLs of two seconds, checked within a one-second margin")
class StorageExpiryIT {

    private static final MovableClock CLOCK = new MovableClock();
    @RegisterExtension
    static final GmsServerExtension gms = GmsServerExtension.server(builder -> builder.clock(CLOCK));

    private final StorageClient http = new StorageClient(gms.server());

    @Test
    void should_be_gone_from_json_and_key_reads_within_3_seconds_when_the_ttl_is_2_seconds() {
        long created = System.nanoTime();
        String id = http.create(2, Map.of("a", "1"));
        assertThat(http.get("/1/storage/" + id).statusCode()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(3).minusNanos(System.nanoTime() - created))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> http.get("/1/storage/" + id).statusCode() == 404
                        && http.get("/1/storage/" + id + "/a").statusCode() == 404);
        assertThat(json(http.get("/1/storage/" + id))).containsEntry("exception", "org.gms.storage.error.NotFoundException");
    }

    @Test
    void should_hide_a_document_whose_stored_expiry_passed_while_cassandra_still_holds_it() {
        String id = http.create(60, Map.of("a", "1"));
        String other = http.create(600, Map.of("b", "2"));
        CLOCK.advance(Duration.ofSeconds(61));

        assertThat(http.get("/1/storage/" + id).statusCode()).isEqualTo(404);
        assertThat(http.get("/1/storage/" + id + "/a").statusCode()).isEqualTo(404);
        assertThat(http.get("/1/storage/binary/" + id + "/a").statusCode()).isEqualTo(404);
        assertThat(http.postForm("/1/storage/" + id + "/60", Map.of("c", "3")).statusCode()).isEqualTo(404);
        assertThat(http.delete("/1/storage/" + id).statusCode()).isEqualTo(404);
        assertThat(json(http.get("/1/storage/" + other))).containsExactlyEntriesOf(Map.of("b", "2"));
    }

    @Test
    void should_keep_a_document_past_its_first_ttl_when_an_update_extends_it() {
        String id = http.create(60, Map.of("a", "1"));
        CLOCK.advance(Duration.ofSeconds(50));
        assertThat(http.postForm("/1/storage/" + id + "/120", Map.of("b", "2")).statusCode()).isEqualTo(200);
        CLOCK.advance(Duration.ofSeconds(30));

        assertThat(json(http.get("/1/storage/" + id))).containsExactlyInAnyOrderEntriesOf(Map.of("a", "1", "b", "2"));
    }

    @Test
    void should_carry_every_key_and_file_past_the_first_ttl_in_cassandra_when_an_update_extends_it() {
        byte[] content = new byte[300 * 1024];
        new java.util.Random(7).nextBytes(content);
        StorageClient.Multipart form = new StorageClient.Multipart().field("a", "1")
                .file("doc", "doc.bin", "application/octet-stream", content);
        long created = System.nanoTime();
        String id = json(http.postMultipart("/1/storage/2", form)).get("id");
        assertThat(http.postForm("/1/storage/" + id + "/60", Map.of("b", "2")).statusCode()).isEqualTo(200);

        // the cells first written with a 2 s TTL must outlive it: checked continuously until 3 s have passed
        await().during(Duration.ofSeconds(3).minusNanos(System.nanoTime() - created)).atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> http.get("/1/storage/" + id + "/a").statusCode() == 200
                        && java.util.Arrays.equals(http.get("/1/storage/binary/" + id + "/doc").body(), content));
        assertThat(json(http.get("/1/storage/" + id))).containsEntry("a", "1").containsEntry("b", "2")
                .containsKey("doc");
    }
}
