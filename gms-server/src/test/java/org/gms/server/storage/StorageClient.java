package org.gms.server.storage;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.UUID;
import org.gms.core.http.Json;
import org.gms.server.GmsServer;

/** HTTP calls of the Storage API as a client makes them, with optional gms_user header and multipart bodies. */
final class StorageClient {

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;

    StorageClient(GmsServer server) {
        this.base = server.localUri();
    }

    /** A path segment as a client percent-encodes it. */
    static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    HttpResponse<byte[]> get(String path, String... headers) {
        return send(request(path, headers).GET());
    }

    HttpResponse<byte[]> delete(String path, String... headers) {
        return send(request(path, headers).DELETE());
    }

    HttpResponse<byte[]> put(String path) {
        return send(request(path).PUT(HttpRequest.BodyPublishers.noBody()));
    }

    HttpResponse<byte[]> postForm(String path, Map<String, String> fields, String... headers) {
        StringJoiner body = new StringJoiner("&");
        fields.forEach((name, value) -> body.add(URLEncoder.encode(name, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return postBody(path, "application/x-www-form-urlencoded", body.toString().getBytes(StandardCharsets.UTF_8),
                headers);
    }

    HttpResponse<byte[]> postBody(String path, String contentType, byte[] body, String... headers) {
        return send(request(path, headers).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    HttpResponse<byte[]> postMultipart(String path, Multipart multipart, String... headers) {
        return postBody(path, multipart.contentType(), multipart.body(), headers);
    }

    /** Creates a document from text fields and returns its id. */
    String create(int ttl, Map<String, String> fields) {
        HttpResponse<byte[]> answer = postForm("/1/storage/" + ttl, fields);
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("create answered " + answer.statusCode() + ": " + text(answer));
        }
        return json(answer).get("id");
    }

    static String text(HttpResponse<byte[]> answer) {
        return new String(answer.body(), StandardCharsets.UTF_8);
    }

    static Map<String, String> json(HttpResponse<byte[]> answer) {
        try {
            return Json.MAPPER.readValue(answer.body(), new TypeReference<Map<String, String>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException("not a JSON object of strings: " + text(answer), e);
        }
    }

    private HttpRequest.Builder request(String path, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        for (int index = 0; index + 1 < headers.length; index += 2) {
            builder.header(headers[index], headers[index + 1]);
        }
        return builder;
    }

    private HttpResponse<byte[]> send(HttpRequest.Builder request) {
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A multipart/form-data body built part by part. */
    static final class Multipart {

        private final String boundary = "gms-" + UUID.randomUUID();
        private final List<byte[]> pieces = new ArrayList<>();

        Multipart field(String name, String value) {
            start("Content-Disposition: form-data; name=\"" + name + "\"\r\n"
                    + "Content-Type: text/plain; charset=UTF-8\r\n\r\n");
            pieces.add(value.getBytes(StandardCharsets.UTF_8));
            pieces.add("\r\n".getBytes(StandardCharsets.UTF_8));
            return this;
        }

        Multipart file(String name, String fileName, String contentType, byte[] content) {
            start("Content-Disposition: form-data; name=\"" + name + "\"; filename=\"" + fileName + "\"\r\n"
                    + "Content-Type: " + contentType + "\r\n\r\n");
            pieces.add(content);
            pieces.add("\r\n".getBytes(StandardCharsets.UTF_8));
            return this;
        }

        String contentType() {
            return "multipart/form-data; boundary=" + boundary;
        }

        byte[] body() {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            pieces.forEach(out::writeBytes);
            out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            return out.toByteArray();
        }

        private void start(String text) {
            pieces.add(("--" + boundary + "\r\n").getBytes(StandardCharsets.UTF_8));
            pieces.add(text.getBytes(StandardCharsets.UTF_8));
        }
    }
}
