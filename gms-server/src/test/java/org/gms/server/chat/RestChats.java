package org.gms.server.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gms.server.HttpTestClient;

/** A customer of Chat API v2 over REST, as a widget drives it: form posts, the v2 body, the transcript position. */
public final class RestChats {

    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpTestClient http;
    private final String service;
    public String chatId;
    public String secureKey;
    public String userId;
    public String alias;
    public int nextPosition = 1;
    public final List<Map<String, Object>> seen = new ArrayList<>();

    public RestChats(HttpTestClient http, String service) {
        this.http = http;
        this.service = service;
    }

    public static Map<String, Object> body(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        try {
            return JSON.readValue(response.body(), new TypeReference<>() { });
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Requests the chat; fails unless statusCode is 0. */
    public Map<String, Object> start(String nickname, String... fields) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("nickname", nickname);
        for (int i = 0; i + 1 < fields.length; i += 2) {
            form.put(fields[i], fields[i + 1]);
        }
        Map<String, Object> answer = body(http.postForm("/2/chat/" + service, form));
        assertThat(answer).as(answer.toString()).containsEntry("statusCode", 0);
        chatId = (String) answer.get("chatId");
        secureKey = (String) answer.get("secureKey");
        userId = (String) answer.get("userId");
        alias = (String) answer.get("alias");
        collect(answer);
        return answer;
    }

    /** Any operation with the chat's ids and key (and the given fields). */
    public Map<String, Object> op(String operation, String... fields) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("userId", userId);
        form.put("secureKey", secureKey);
        form.put("alias", alias);
        for (int i = 0; i + 1 < fields.length; i += 2) {
            form.put(fields[i], fields[i + 1]);
        }
        return body(http.postForm("/2/chat/" + service + "/" + chatId + "/" + operation, form));
    }

    /** Refreshes from the next position and remembers what came. */
    public Map<String, Object> refresh() {
        Map<String, Object> answer = op("refresh", "transcriptPosition", Integer.toString(nextPosition));
        collect(answer);
        return answer;
    }

    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> messages(Map<String, Object> answer) {
        return (List<Map<String, Object>>) answer.get("messages");
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> from(Map<String, Object> event) {
        return (Map<String, Object>) event.get("from");
    }

    public static List<String> types(List<Map<String, Object>> events) {
        return events.stream().map(event -> (String) event.get("type")).toList();
    }

    private void collect(Map<String, Object> answer) {
        for (Map<String, Object> event : messages(answer)) {
            int index = (Integer) event.get("index");
            if (index >= nextPosition) {
                seen.add(event);
            }
        }
        if (answer.get("nextPosition") instanceof Integer next) {
            nextPosition = next;
        }
    }
}
