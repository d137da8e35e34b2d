package org.gms.server.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gms.server.storage.StorageClient.encode;
import static org.gms.server.storage.StorageClient.json;
import static org.gms.server.storage.StorageClient.text;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Random;
import org.gms.server.GmsServer;
import org.gms.server.GmsServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Multipart uploads: files stored in chunks and downloaded byte for byte, download URLs, text parts. */
class StorageFilesIT {

    @RegisterExtension
    static final GmsServerExtension gms = GmsServerExtension.defaultServer();

    private final GmsServer server = gms.server();
    private final StorageClient http = new StorageClient(server);

    static byte[] randomBytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    @Test
    void should_return_a_3_megabyte_file_byte_for_byte_with_its_content_type_and_name() {
        byte[] content = randomBytes(3 * 1024 * 1024 + 17, 3);
        StorageClient.Multipart form = new StorageClient.Multipart().field("note", "hello")
                .file("scan", "scan 1.pdf", "application/pdf", content);
        HttpResponse<byte[]> created = http.postMultipart("/1/storage/60", form);
        assertThat(created.statusCode()).isEqualTo(200);
        String id = json(created).get("id");

        HttpResponse<byte[]> file = http.get("/1/storage/binary/" + id + "/scan");
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(file.headers().firstValue("Content-Length")).hasValue(Integer.toString(content.length));
        assertThat(file.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"scan 1.pdf\"; filename*=UTF-8''scan%201.pdf");
        assertThat(file.body()).isEqualTo(content);
        assertThat(text(http.get("/1/storage/" + id + "/note"))).isEqualTo("hello");
    }

    @Test
    void should_list_files_as_download_urls_on_the_request_base_when_no_external_base_is_set() {
        StorageClient.Multipart form = new StorageClient.Multipart()
                .file("photo é", "été.png", "image/png", randomBytes(1000, 1));
        String id = json(http.postMultipart("/1/storage/60", form)).get("id");
        String url = "http://127.0.0.1:" + server.httpPort() + "/genesys/1/storage/binary/" + id + "/photo%20%C3%A9";

        assertThat(json(http.get("/1/storage/" + id))).containsExactlyEntriesOf(Map.of("photo é", url));
        assertThat(text(http.get("/1/storage/" + id + "/" + encode("photo é")))).isEqualTo(url);
        HttpResponse<byte[]> file = http.get("/1/storage/binary/" + id + "/" + encode("photo é"));
        assertThat(file.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"_t_.png\"; filename*=UTF-8''%C3%A9t%C3%A9.png");
    }

    @Test
    void should_build_download_urls_on_external_url_base_when_it_is_set() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        GmsServer behindBalancer = gms.start(gms.builder().startProperty("jetty.http.port", Integer.toString(port))
                .option("server", "external_url_base", "https://lb.example.com:" + port + "/"));
        StorageClient client = new StorageClient(behindBalancer);
        String id = json(client.postMultipart("/1/storage/60", new StorageClient.Multipart()
                .file("f", "f.txt", "text/plain", "x".getBytes(StandardCharsets.UTF_8)))).get("id");
        assertThat(json(client.get("/1/storage/" + id))).containsExactlyEntriesOf(Map.of("f",
                "https://lb.example.com:" + port + "/genesys/1/storage/binary/" + id + "/f"));
    }

    @Test
    void should_keep_unicode_text_parts_and_replace_a_file_when_updated_with_multipart() {
        StorageClient.Multipart first = new StorageClient.Multipart().field("ключ", "значение 値")
                .file("doc", "a.bin", "application/octet-stream", randomBytes(600 * 1024, 5));
        String id = json(http.postMultipart("/1/storage/60", first)).get("id");
        byte[] second = randomBytes(10, 6);
        HttpResponse<byte[]> updated = http.postMultipart("/1/storage/" + id + "/60", new StorageClient.Multipart()
                .file("doc", "b.bin", "application/x-test", second));
        assertThat(updated.statusCode()).isEqualTo(200);

        assertThat(text(http.get("/1/storage/" + id + "/" + encode("ключ")))).isEqualTo("значение 値");
        HttpResponse<byte[]> file = http.get("/1/storage/binary/" + id + "/doc");
        assertThat(file.headers().firstValue("Content-Type")).hasValue("application/x-test");
        assertThat(file.body()).isEqualTo(second);
    }

    @Test
    void should_turn_a_file_key_into_text_when_text_is_sent_for_it() {
        String id = json(http.postMultipart("/1/storage/60", new StorageClient.Multipart()
                .file("k", "k.bin", "application/octet-stream", randomBytes(10, 8)))).get("id");
        http.postForm("/1/storage/" + id + "/60", Map.of("k", "plain"));

        assertThat(json(http.get("/1/storage/" + id))).containsExactlyEntriesOf(Map.of("k", "plain"));
        HttpResponse<byte[]> asBinary = http.get("/1/storage/binary/" + id + "/k");
        assertThat(asBinary.headers().firstValue("Content-Type")).hasValue("text/plain;charset=utf-8");
        assertThat(text(asBinary)).isEqualTo("plain");
    }

    @Test
    void should_store_an_empty_file_and_delete_a_file_key() {
        String id = json(http.postMultipart("/1/storage/60", new StorageClient.Multipart()
                .file("empty", "e.txt", "text/plain", new byte[0]).field("a", "1"))).get("id");
        HttpResponse<byte[]> empty = http.get("/1/storage/binary/" + id + "/empty");
        assertThat(empty.statusCode()).isEqualTo(200);
        assertThat(empty.body()).isEmpty();

        assertThat(http.delete("/1/storage/" + id + "/empty").statusCode()).isEqualTo(200);
        assertThat(http.get("/1/storage/binary/" + id + "/empty").statusCode()).isEqualTo(404);
        assertThat(json(http.get("/1/storage/" + id))).containsExactlyEntriesOf(Map.of("a", "1"));
    }

    @Test
    void should_answer_404_when_a_file_key_is_unknown() throws IOException {
        String id = http.create(60, Map.of("a", "1"));
        HttpResponse<byte[]> answer = http.get("/1/storage/binary/" + id + "/nothing");
        assertThat(answer.statusCode()).isEqualTo(404);
        assertThat(json(answer)).containsEntry("exception", "org.gms.storage.error.NotFoundException");
    }
}
