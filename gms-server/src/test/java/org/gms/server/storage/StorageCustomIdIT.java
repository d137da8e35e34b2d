package org.gms.server.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gms.server.storage.StorageClient.json;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.gms.server.GmsServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Custom ids are bound to the gms_user header that created them. */
class StorageCustomIdIT {

    private static final String USER = "gms_user";
    @RegisterExtension
    static final GmsServerExtension gms = GmsServerExtension.defaultServer();

    private final StorageClient http = new StorageClient(gms.server());

    private static String customId() {
        return "order-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void should_store_under_the_custom_id_and_read_back_with_the_same_user() {
        String id = customId();
        HttpResponse<byte[]> created = http.postForm("/1/storage/custom/" + id + "/60", Map.of("a", "1"), USER, "alice");
        assertThat(created.statusCode()).isEqualTo(200);
        assertThat(json(created)).containsExactlyEntriesOf(Map.of("id", id));

        assertThat(json(http.get("/1/storage/" + id, USER, "alice"))).containsExactlyEntriesOf(Map.of("a", "1"));
        assertThat(StorageClient.text(http.get("/1/storage/" + id + "/a", USER, "alice"))).isEqualTo("1");
    }

    @Test
    void should_answer_400_when_the_custom_id_is_created_without_gms_user() {
        HttpResponse<byte[]> answer = http.postForm("/1/storage/custom/" + customId() + "/60", Map.of("a", "1"));
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(json(answer)).containsEntry("exception", "com.genesyslab.gsg.GSGException")
                .containsEntry("message", "Header gms_user is required to create storage with a custom id");
    }

    @Test
    void should_answer_400_without_gms_user_and_403_for_another_user_when_a_bound_document_is_used() {
        String id = customId();
        http.postForm("/1/storage/custom/" + id + "/60", Map.of("a", "1"), USER, "alice");

        HttpResponse<byte[]> anonymous = http.get("/1/storage/" + id);
        assertThat(anonymous.statusCode()).isEqualTo(400);
        assertThat(json(anonymous)).containsEntry("message", "Header gms_user is required to access storage [" + id + "]");

        HttpResponse<byte[]> stranger = http.get("/1/storage/" + id, USER, "mallory");
        assertThat(stranger.statusCode()).isEqualTo(403);
        assertThat(json(stranger)).containsEntry("exception", "org.gms.storage.error.ForbiddenException")
                .containsEntry("message", "Storage [" + id + "] belongs to another user");
        assertThat(http.get("/1/storage/" + id + "/a", USER, "mallory").statusCode()).isEqualTo(403);
        assertThat(http.postForm("/1/storage/" + id + "/60", Map.of("b", "2"), USER, "mallory").statusCode())
                .isEqualTo(403);
        assertThat(http.postForm("/1/storage/custom/" + id + "/60", Map.of("b", "2"), USER, "mallory").statusCode())
                .isEqualTo(403);
        assertThat(http.delete("/1/storage/" + id, USER, "mallory").statusCode()).isEqualTo(403);
        assertThat(json(http.get("/1/storage/" + id, USER, "alice"))).containsExactlyEntriesOf(Map.of("a", "1"));
    }

    @Test
    void should_replace_every_key_when_the_same_user_creates_the_custom_id_again() {
        String id = customId();
        http.postForm("/1/storage/custom/" + id + "/60", Map.of("a", "1", "b", "2"), USER, "alice");
        assertThat(http.postForm("/1/storage/custom/" + id + "/60", Map.of("c", "3"), USER, "alice").statusCode())
                .isEqualTo(200);
        assertThat(json(http.get("/1/storage/" + id, USER, "alice"))).containsExactlyEntriesOf(Map.of("c", "3"));
    }

    @Test
    void should_update_and_delete_with_the_owner_header() {
        String id = customId();
        http.postForm("/1/storage/custom/" + id + "/60", Map.of("a", "1"), USER, "alice");
        assertThat(http.postForm("/1/storage/" + id + "/60", Map.of("b", "2"), USER, "alice").statusCode())
                .isEqualTo(200);
        assertThat(json(http.get("/1/storage/" + id, USER, "alice"))).containsEntry("b", "2");
        assertThat(http.delete("/1/storage/" + id, USER, "alice").statusCode()).isEqualTo(200);
        assertThat(http.get("/1/storage/" + id, USER, "alice").statusCode()).isEqualTo(404);
    }

    @Test
    void should_refuse_a_custom_id_that_is_already_a_generated_document() {
        String id = http.create(60, Map.of("a", "1"));
        HttpResponse<byte[]> answer = http.postForm("/1/storage/custom/" + id + "/60", Map.of("b", "2"), USER, "alice");
        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(json(http.get("/1/storage/" + id))).containsExactlyEntriesOf(Map.of("a", "1"));
    }

    @Test
    void should_answer_400_naming_the_problem_when_the_custom_id_is_invalid() {
        HttpResponse<byte[]> answer = http.postForm("/1/storage/custom/" + StorageClient.encode("a:b") + "/60",
                Map.of("a", "1"), USER, "alice");
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(json(answer).get("message")).startsWith("Invalid storage id [a:b]");
    }
}
