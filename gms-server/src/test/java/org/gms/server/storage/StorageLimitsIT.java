package org.gms.server.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gms.server.storage.StorageClient.json;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import org.gms.server.GmsServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** [server] max-file-upload, [storage] max-keys and max-value-size. */
class StorageLimitsIT {

    private static final int MAX_UPLOAD = 100_000;
    private static final String TOO_LARGE = "org.gms.storage.error.PayloadTooLargeException";
    @RegisterExtension
    static final GmsServerExtension gms = GmsServerExtension.server(builder -> builder
            .option("server", "max-file-upload", Integer.toString(MAX_UPLOAD))
            .option("storage", "max-keys", "3").option("storage", "max-value-size", "200000"));

    private final StorageClient http = new StorageClient(gms.server());

    /** A multipart body of exactly {@code size} bytes holding one file. */
    private static StorageClient.Multipart multipartOf(int size) {
        int overhead = new StorageClient.Multipart().file("f", "f.bin", "application/octet-stream", new byte[0])
                .body().length;
        return new StorageClient.Multipart().file("f", "f.bin", "application/octet-stream", new byte[size - overhead]);
    }

    @Test
    void should_accept_a_multipart_body_of_exactly_max_file_upload_and_refuse_one_byte_more_with_413() {
        StorageClient.Multipart atLimit = multipartOf(MAX_UPLOAD);
        assertThat(atLimit.body()).hasSize(MAX_UPLOAD);
        assertThat(http.postMultipart("/1/storage/60", atLimit).statusCode()).isEqualTo(200);

        HttpResponse<byte[]> over = http.postMultipart("/1/storage/60", multipartOf(MAX_UPLOAD + 1));
        assertThat(over.statusCode()).isEqualTo(413);
        assertThat(json(over)).containsEntry("exception", TOO_LARGE).containsEntry("message",
                "Request body of 100001 bytes is larger than the 100000 bytes allowed by [server] max-file-upload");
    }

    @Test
    void should_refuse_a_chunked_multipart_body_over_the_limit_with_413() throws Exception {
        byte[] body = multipartOf(MAX_UPLOAD + 5000).body();
        StorageClient.Multipart shape = multipartOf(MAX_UPLOAD + 5000);
        HttpRequest request = HttpRequest.newBuilder(URI.create(gms.server().localUri() + "/1/storage/60"))
                .header("Content-Type", shape.contentType())
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(
                        new String(body, StandardCharsets.ISO_8859_1).replace(boundaryOf(body), boundaryOf(shape.body()))
                                .getBytes(StandardCharsets.ISO_8859_1)))).build();
        HttpResponse<String> answer = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(413);
        assertThat(answer.body()).contains(TOO_LARGE);
    }

    private static String boundaryOf(byte[] body) {
        String text = new String(body, 0, 60, StandardCharsets.ISO_8859_1);
        return text.substring(2, text.indexOf("\r\n"));
    }

    @Test
    void should_refuse_a_form_body_over_the_limit_with_413() {
        char[] filler = new char[MAX_UPLOAD];
        Arrays.fill(filler, 'x');
        HttpResponse<byte[]> answer = http.postForm("/1/storage/60", Map.of("a", new String(filler)));
        assertThat(answer.statusCode()).isEqualTo(413);
        assertThat(json(answer)).containsEntry("exception", TOO_LARGE);
    }

    @Test
    void should_refuse_more_keys_than_max_keys_with_400_including_keys_added_by_an_update() {
        HttpResponse<byte[]> tooMany = http.postForm("/1/storage/60", Map.of("a", "1", "b", "2", "c", "3", "d", "4"));
        assertThat(tooMany.statusCode()).isEqualTo(400);
        assertThat(json(tooMany).get("message")).endsWith("would hold 4 keys; the limit is 3 ([storage] max-keys)");

        String id = http.create(60, Map.of("a", "1", "b", "2", "c", "3"));
        assertThat(http.postForm("/1/storage/" + id + "/60", Map.of("d", "4")).statusCode()).isEqualTo(400);
        assertThat(http.postForm("/1/storage/" + id + "/60", Map.of("c", "three")).statusCode()).isEqualTo(200);
    }
}
