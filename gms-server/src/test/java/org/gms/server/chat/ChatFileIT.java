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
import org.gms.server.security.auth.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * File transfer in a chat over REST and {@code /2/chat-ntf}: the limits notice, upload (multipart), download with
 * its attempts, delete, and the refusals of each limit, none leaving a file or an event behind; the agent API's
 * upload and download in a chat the agent holds.
 */
@SuppressWarnings("unchecked")
class ChatFileIT {

    static final String AGENT_PASSWORD = "filer-password";

    @RegisterExtension
    static final GmsServerExtension gms = GmsServerExtension.server(builder -> builder
            .user("filer", Role.AGENT, AGENT_PASSWORD)
            .user("outsider", Role.AGENT, AGENT_PASSWORD, "nowhere")
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

    @Test
    void should_let_the_agent_holding_a_chat_upload_a_file_the_customer_downloads_and_download_the_customers() {
        RestChats chat = new RestChats(http, "files");
        chat.start("Vera");
        HttpTestClient agent = http.as("filer", AGENT_PASSWORD);
        String base = "/1/agent/chats/" + chat.chatId;
        byte[] content = "the agent's form".getBytes(StandardCharsets.UTF_8);
        assertThat(multipart(agent, base + "/file", Map.of(), "form.pdf", content).statusCode())
                .as("not accepted yet").isEqualTo(409);
        assertThat(agent.postForm(base + "/accept", Map.of()).statusCode()).isEqualTo(200);

        HttpResponse<String> uploaded = multipart(agent, base + "/file",
                Map.of("userData[file-description]", "fill this in"), "form.pdf", content);
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(200);
        Map<String, Object> event = body(uploaded);
        Map<String, Object> data = (Map<String, Object>) event.get("userData");
        String fileId = (String) data.get("file-id");
        assertThat(event).containsEntry("type", "FileUploaded").containsEntry("text", "form.pdf");
        assertThat(RestChats.from(event)).containsEntry("type", "Agent").containsEntry("nickname", "filer");
        assertThat(data).containsEntry("file-name", "form.pdf").containsEntry("file-size",
                Integer.toString(content.length)).containsEntry("file-description", "fill this in");
        chat.refresh();
        assertThat(chat.seen).anyMatch(seen -> seen.get("type").equals("FileUploaded")
                && ((Map<String, Object>) seen.get("userData")).get("file-id").equals(fileId));
        assertThat(download(chat, fileId).body()).isEqualTo(content);

        String customerFile = (String) ((Map<?, ?>) upload(chat, "/2/chat/files/" + chat.chatId + "/file",
                "photo.png", new byte[] {1, 2, 3}).get("userData")).get("file-id");
        HttpResponse<byte[]> fetched = bytes(HttpRequest.newBuilder(http.uri(base + "/file/" + customerFile
                + "/download")).header("Authorization", basic("filer")).GET());
        assertThat(fetched.statusCode()).isEqualTo(200);
        assertThat(fetched.body()).containsExactly(1, 2, 3);
        assertThat(fetched.headers().firstValue("Content-Disposition")).hasValueSatisfying(disposition ->
                assertThat(disposition).contains("photo.png"));
        assertThat(bytes(HttpRequest.newBuilder(http.uri(base + "/file/" + customerFile + "/download"))
                .header("Authorization", basic("outsider")).GET()).statusCode()).isEqualTo(403);
        assertThat(multipart(agent, base + "/file", Map.of(), "tool.exe", new byte[1]).statusCode())
                .isEqualTo(400);
    }

    private static String basic(String user) {
        return "Basic " + java.util.Base64.getEncoder().encodeToString((user + ":" + AGENT_PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
    }

    private Map<String, Object> upload(RestChats chat, String path, String name, byte[] content, String... fields) {
        java.util.Map<String, String> all = new java.util.LinkedHashMap<>();
        all.put("secureKey", chat.secureKey);
        for (int i = 0; i + 1 < fields.length; i += 2) {
            all.put(fields[i], fields[i + 1]);
        }
        return body(multipart(http, path, all, name, content));
    }

    private static HttpResponse<String> multipart(HttpTestClient client, String path, Map<String, String> all,
                                                  String name, byte[] content) {
        String boundary = "----gms" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        StringBuilder head = new StringBuilder();
        all.forEach((key, value) -> head.append("--").append(boundary).append("\r\n")
                .append("Content-Disposition: form-data; name=\"").append(key).append("\"\r\n\r\n")
                .append(value).append("\r\n"));
        head.append("--").append(boundary).append("\r\n")
                .append("Content-Disposition: form-data; name=\"file\"; filename=\"").append(name).append("\"\r\n")
                .append("Content-Type: application/octet-stream\r\n\r\n");
        body.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return client.send(HttpRequest.newBuilder(client.uri(path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
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
