package org.gms.server.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gms.server.chat.RestChats.body;
import static org.gms.server.chat.RestChats.messages;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.StringJoiner;
import org.gms.server.GmsServerExtension;
import org.gms.server.HttpTestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * File transfer in a chat over REST and {@code /2/chat-ntf}: the limits notice, upload (multipart), download with
 * its attempts, delete, and the refusals of each limit, none leaving a file or an event behind.
 */
@SuppressWarnings("unchecked")
class ChatFileIT {

    @RegisterExtension
    static final GmsServerExtension gms = GmsServerExtension.server(builder -> builder
            .option("chat", "chat_session_request_timeout", "600000")
            .option("chat.files", "upload-max-file-size", "400000")
            .option("chat.files", "upload-max-files", "2"));

    private final HttpTestClient http = gms.http();

    @Test
    void should_upload_download_and_delete_a_file_and_show_it_in_the_transcript() {
        RestChats chat = new RestChats(http, "files");
        chat.start("Sid");
        byte[] content = new byte[300_000];
        new Random(7).nextBytes(content);

        Map<String, Object> limits = chat.op("file/limits");
        assertThat(limits).containsEntry("statusCode", 0);
        Map<String, Object> notice = messages(limits).get(0);
        assertThat(notice).containsEntry("type", "Notice").containsEntry("text", "file-client-cfg-get");
        assertThat((Map<String, Object>) notice.get("userData")).containsEntry("upload-max-file-size", "400000")
                .containsEntry("upload-max-files", "2").containsEntry("used-upload-max-files", "0")
                .containsEntry("download-attempts", "2").containsEntry("delete-file", "odd");

        Map<String, Object> uploaded = upload(chat, "/2/chat/files/" + chat.chatId + "/file", "photo.png", content);
        assertThat(uploaded).containsEntry("statusCode", 0);
        String fileId = (String) ((Map<?, ?>) uploaded.get("userData")).get("file-id");
        assertThat(fileId).isNotBlank();

        HttpResponse<byte[]> first = download(chat, fileId);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).isEqualTo(content);
        assertThat(download(chat, fileId).body()).isEqualTo(content);
        Map<String, Object> third = json(download(chat, fileId));
        assertThat(third).containsEntry("statusCode", 2);
        assertThat(third.toString()).contains("download-attempts");

        assertThat(chat.op("file/" + fileId + "/delete")).containsEntry("statusCode", 0);
        assertThat(chat.op("file/" + fileId + "/delete")).containsEntry("statusCode", 2);
        chat.refresh();
        List<String> types = RestChats.types(chat.seen);
        assertThat(types).containsSubsequence("Notice", "FileUploaded", "FileDeleted");
        Map<String, Object> event = chat.seen.stream().filter(e -> e.get("type").equals("FileUploaded"))
                .findFirst().orElseThrow();
        assertThat((Map<String, Object>) event.get("userData")).containsEntry("file-id", fileId)
                .containsEntry("file-name", "photo.png").containsEntry("file-size", "300000");
    }

    @Test
    void should_refuse_a_file_over_a_limit_and_keep_nothing_of_it() {
        RestChats chat = new RestChats(http, "files");
        chat.start("Tom");
        int before = messages(chat.op("refresh", "transcriptPosition", "1")).size();

        Map<String, Object> tooBig = upload(chat, "/2/chat/files/" + chat.chatId + "/file", "big.pdf",
                new byte[400_001]);
        Map<String, Object> wrongType = upload(chat, "/2/chat/files/" + chat.chatId + "/file", "tool.exe",
                new byte[10]);

        assertThat(tooBig).containsEntry("statusCode", 2);
        assertThat(tooBig.toString()).contains("400000");
        assertThat(wrongType).containsEntry("statusCode", 2);
        assertThat(wrongType.toString()).contains("exe");
        assertThat(messages(chat.op("refresh", "transcriptPosition", "1"))).hasSize(before);
        Map<String, Object> limits = messages(chat.op("file/limits")).get(0);
        assertThat((Map<String, Object>) limits.get("userData")).containsEntry("used-upload-max-files", "0");
    }

    @Test
    void should_serve_the_file_operations_of_chat_ntf_with_the_secure_key_alone() {
        RestChats chat = new RestChats(http, "files");
        chat.start("Uli");

        Map<String, Object> limits = body(http.postForm("/2/chat-ntf", Map.of("operation", "fileGetsLimits",
                "secureKey", chat.secureKey)));
        assertThat(messages(limits).get(0)).containsEntry("text", "file-client-cfg-get");
        Map<String, Object> uploaded = upload(chat, "/2/chat-ntf", "notes.txt", "hello".getBytes(StandardCharsets.UTF_8),
                "operation", "fileUpload", "userData[file-description]", "my notes");
        String fileId = (String) ((Map<?, ?>) uploaded.get("userData")).get("file-id");
        HttpResponse<byte[]> downloaded = bytes(HttpRequest.newBuilder(http.uri("/2/chat-ntf"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("operation", "fileDownload", "secureKey",
                        chat.secureKey, "fileId", fileId)))));
        Map<String, Object> refused = body(http.postForm("/2/chat-ntf", Map.of("operation", "fileDelete",
                "secureKey", chat.secureKey.substring(0, 47) + "x", "fileId", fileId)));

        assertThat(new String(downloaded.body(), StandardCharsets.UTF_8)).isEqualTo("hello");
        assertThat(refused).containsEntry("statusCode", 2);
        assertThat(body(http.postForm("/2/chat-ntf", Map.of("operation", "fileDelete", "secureKey",
                chat.secureKey, "fileId", fileId)))).containsEntry("statusCode", 0);
    }

    private Map<String, Object> upload(RestChats chat, String path, String name, byte[] content, String... fields) {
        String boundary = "----gms" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        StringBuilder head = new StringBuilder();
        java.util.Map<String, String> all = new java.util.LinkedHashMap<>();
        all.put("secureKey", chat.secureKey);
        for (int i = 0; i + 1 < fields.length; i += 2) {
            all.put(fields[i], fields[i + 1]);
        }
        all.forEach((key, value) -> head.append("--").append(boundary).append("\r\n")
                .append("Content-Disposition: form-data; name=\"").append(key).append("\"\r\n\r\n")
                .append(value).append("\r\n"));
        head.append("--").append(boundary).append("\r\n")
                .append("Content-Disposition: form-data; name=\"file\"; filename=\"").append(name).append("\"\r\n")
                .append("Content-Type: application/octet-stream\r\n\r\n");
        body.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return body(http.send(HttpRequest.newBuilder(http.uri(path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))));
    }

    private HttpResponse<byte[]> download(RestChats chat, String fileId) {
        return bytes(HttpRequest.newBuilder(http.uri("/2/chat/files/" + chat.chatId + "/file/" + fileId
                        + "/download"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("secureKey", chat.secureKey)))));
    }

    private static String form(Map<String, String> fields) {
        StringJoiner joined = new StringJoiner("&");
        fields.forEach((name, value) -> joined.add(URLEncoder.encode(name, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return joined.toString();
    }

    private static Map<String, Object> json(HttpResponse<byte[]> response) {
        try {
            return RestChats.JSON.readValue(response.body(), new com.fasterxml.jackson.core.type.TypeReference<>() { });
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static HttpResponse<byte[]> bytes(HttpRequest.Builder request) {
        try {
            return java.net.http.HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
