package org.gms.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.gms.server.GmsServerExtension;
import org.gms.server.HttpTestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * No multipart part outlives its request: parts too large for memory wait in {@code [server] upload-temp-dir}, and
 * the folder is empty again once the request is answered, whether the API stored the file, ignored it or refused
 * the request.
 */
class MultipartCleanupIT {

    static final Path UPLOADS = uploads();

    @RegisterExtension
    static final GmsServerExtension gms = GmsServerExtension.server(builder -> builder
            .option("server", "upload-temp-dir", UPLOADS.toString()));

    private final HttpTestClient http = gms.http();

    @Test
    void should_leave_no_part_on_disk_whatever_the_answer() throws Exception {
        assertThat(post("/1/storage/60").statusCode()).as("stored").isEqualTo(200);
        assertThat(post("/1/storage/999999999999").statusCode()).as("refused").isEqualTo(400);
        assertThat(post("/1/patterns").statusCode()).as("ignored").isLessThan(500);
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> assertThat(files()).as("parts left in %s", UPLOADS).isEmpty());
    }

    private HttpResponse<String> post(String path) {
        String boundary = "----gms-cleanup";
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nhello\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.bin\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n";
        byte[] body = (head + "x".repeat(600_000) + "\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        return http.send(HttpRequest.newBuilder(http.uri(path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    private static List<Path> files() throws IOException {
        if (!Files.isDirectory(UPLOADS)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(UPLOADS)) {
            return walk.filter(Files::isRegularFile).toList();
        }
    }

    private static Path uploads() {
        try {
            return Files.createTempDirectory("gms-uploads");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
