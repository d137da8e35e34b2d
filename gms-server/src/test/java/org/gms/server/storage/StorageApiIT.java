package org.gms.server.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gms.server.storage.StorageClient.encode;
import static org.gms.server.storage.StorageClient.json;
import static org.gms.server.storage.StorageClient.text;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.gms.server.GmsServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Create, read, update and delete through HTTP against the real node. */
class StorageApiIT {

    private static final String NOT_FOUND = "org.gms.storage.error.NotFoundException";
    @RegisterExtension
    static final GmsServerExtension gms = GmsServerExtension.defaultServer();

    private final StorageClient http = new StorageClient(gms.server());

    @Test
    void should_answer_a_uuid_and_read_back_every_key_when_a_form_is_stored() {
        HttpResponse<byte[]> created = http.postForm("/1/storage/60", Map.of("_subject", "efg", "_customer_number", "5115"));
        assertThat(created.statusCode()).isEqualTo(200);
        assertThat(created.headers().firstValue("Content-Type")).hasValue("application/json;charset=utf-8");
        assertThat(created.headers().firstValue("Cache-Control")).hasValue("no-store");
        String id = json(created).get("id");
        assertThat(id).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(text(created)).isEqualTo("{\"id\":\"" + id + "\"}");

        HttpResponse<byte[]> read = http.get("/1/storage/" + id);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.headers().firstValue("Content-Type")).hasValue("application/json;charset=utf-8");
        assertThat(json(read)).containsExactlyInAnyOrderEntriesOf(Map.of("_subject", "efg", "_customer_number", "5115"));
    }

    @Test
    void should_answer_the_raw_value_in_utf8_text_when_one_key_is_read() {
        String id = http.create(60, Map.of("GMS_KEY", "GMS_VALUE"));
        HttpResponse<byte[]> read = http.get("/1/storage/" + id + "/GMS_KEY");
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.headers().firstValue("Content-Type")).hasValue("text/plain;charset=utf-8");
        assertThat(text(read)).isEqualTo("GMS_VALUE");
    }

    @Test
    void should_round_trip_unicode_keys_and_values_when_stored_as_a_form() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("clé ünïcode", "värde — 値 😀");
        fields.put("ключ", "line1\nline2 & = + %");
        String id = http.create(60, fields);

        assertThat(json(http.get("/1/storage/" + id))).containsExactlyInAnyOrderEntriesOf(fields);
        assertThat(text(http.get("/1/storage/" + id + "/" + encode("clé ünïcode")))).isEqualTo("värde — 値 😀");
        assertThat(text(http.get("/1/storage/" + id + "/" + encode("ключ")))).isEqualTo("line1\nline2 & = + %");
    }

    @Test
    void should_add_keys_keep_the_others_and_replace_values_when_a_document_is_updated() {
        String id = http.create(60, Map.of("a", "1", "b", "2"));
        HttpResponse<byte[]> updated = http.postForm("/1/storage/" + id + "/120", Map.of("b", "two", "c", "3"));
        assertThat(updated.statusCode()).isEqualTo(200);
        assertThat(json(http.get("/1/storage/" + id))).containsExactlyInAnyOrderEntriesOf(
                Map.of("a", "1", "b", "two", "c", "3"));
    }

    @Test
    void should_answer_404_with_the_error_body_when_the_id_or_key_is_unknown() {
        HttpResponse<byte[]> unknown = http.get("/1/storage/6f1c2a8e-0000-4000-8000-000000000000");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                .startsWith("application/json"));
        assertThat(json(unknown)).containsEntry("exception", NOT_FOUND)
                .containsEntry("message", "Storage [6f1c2a8e-0000-4000-8000-000000000000] not found");

        String id = http.create(60, Map.of("a", "1"));
        HttpResponse<byte[]> missingKey = http.get("/1/storage/" + id + "/b");
        assertThat(missingKey.statusCode()).isEqualTo(404);
        assertThat(json(missingKey)).containsEntry("message", "Key [b] not found in storage [" + id + "]");
        assertThat(http.postForm("/1/storage/6f1c2a8e-0000-4000-8000-000000000000/60", Map.of("a", "1")).statusCode())
                .isEqualTo(404);
        assertThat(http.delete("/1/storage/6f1c2a8e-0000-4000-8000-000000000000").statusCode()).isEqualTo(404);
    }

    @Test
    void should_remove_the_document_when_it_is_deleted() {
        String id = http.create(60, Map.of("a", "1"));
        HttpResponse<byte[]> deleted = http.delete("/1/storage/" + id);
        assertThat(deleted.statusCode()).isEqualTo(200);
        assertThat(http.get("/1/storage/" + id).statusCode()).isEqualTo(404);
        assertThat(http.get("/1/storage/" + id + "/a").statusCode()).isEqualTo(404);
    }

    @Test
    void should_remove_only_that_key_when_one_key_is_deleted() {
        String id = http.create(60, Map.of("a", "1", "b", "2"));
        assertThat(http.delete("/1/storage/" + id + "/a").statusCode()).isEqualTo(200);
        assertThat(json(http.get("/1/storage/" + id))).containsExactlyEntriesOf(Map.of("b", "2"));
        assertThat(http.delete("/1/storage/" + id + "/a").statusCode()).isEqualTo(404);
    }

    @Test
    void should_fall_back_to_30_seconds_when_the_ttl_is_not_a_positive_number() {
        for (String ttl : new String[] {"0", "-5", "abc"}) {
            HttpResponse<byte[]> created = http.postForm("/1/storage/" + ttl, Map.of("a", "1"));
            assertThat(created.statusCode()).as("ttl %s", ttl).isEqualTo(200);
            assertThat(http.get("/1/storage/" + json(created).get("id")).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void should_skip_a_field_without_value_and_refuse_an_empty_key() {
        HttpResponse<byte[]> skipped = http.postBody("/1/storage/60", "application/x-www-form-urlencoded",
                "a=1&novalue&b=".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(skipped.statusCode()).isEqualTo(200);
        assertThat(json(http.get("/1/storage/" + json(skipped).get("id"))))
                .containsExactlyInAnyOrderEntriesOf(Map.of("a", "1", "b", ""));

        HttpResponse<byte[]> empty = http.postBody("/1/storage/60", "application/x-www-form-urlencoded",
                "=1".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(json(empty)).containsEntry("exception", "com.genesyslab.gsg.GSGException")
                .containsEntry("message", "Storage key must not be empty");
    }

    @Test
    void should_refuse_with_400_when_a_key_or_id_could_play_path_tricks() {
        HttpResponse<byte[]> slash = http.postForm("/1/storage/60", Map.of("a/b", "1"));
        assertThat(slash.statusCode()).isEqualTo(400);
        assertThat(json(slash).get("message")).contains("Invalid storage key [a/b]");

        HttpResponse<byte[]> dots = http.postForm("/1/storage/60", Map.of("..", "1"));
        assertThat(dots.statusCode()).isEqualTo(400);

        HttpResponse<byte[]> badId = http.get("/1/storage/" + encode("bad id"));
        assertThat(badId.statusCode()).isEqualTo(400);
        assertThat(json(badId).get("message")).startsWith("Invalid storage id [bad id]");
    }

    @Test
    void should_refuse_a_json_body_with_400_naming_the_content_types() {
        HttpResponse<byte[]> answer = http.postBody("/1/storage/60", "application/json",
                "{\"a\":\"1\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(json(answer).get("message")).contains("application/x-www-form-urlencoded or multipart/form-data");
    }

    @Test
    void should_answer_405_with_the_error_body_when_the_method_is_not_supported() {
        HttpResponse<byte[]> answer = http.put("/1/storage/60");
        assertThat(answer.statusCode()).isEqualTo(405);
        assertThat(json(answer)).containsKey("exception").containsKey("message");
    }
}
