package org.gms.chat.bot;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gms.core.http.Json;

/**
 * Calls a chat bot ({@code _bot_webhook}): POSTs one customer message as JSON and reads
 * {@code {"messages":[{"text"}],"transfer":bool,"end":bool}}.
 */
public final class BotClient {

    private static final int MAX_ANSWER_BYTES = 1_048_576;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    /** The bot's answer. */
    public record Answer(List<String> messages, boolean transfer, boolean end) {
        public Answer {
            messages = List.copyOf(messages);
        }
    }

    /**
     * @param body what the bot is told: chat id, service, the message, the customer's nickname and user data
     * @throws IOException when the bot cannot be reached, answers other than 2xx, or answers something unreadable
     */
    public Answer ask(String url, Map<String, Object> body, Duration timeout) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(Json.bytes(body))).build();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the bot", e);
        } catch (IllegalArgumentException e) {
            throw new IOException("bad bot URL: " + e.getMessage(), e);
        }
        if (response.statusCode() / 100 != 2) {
            throw new IOException("the bot answered HTTP " + response.statusCode());
        }
        byte[] bytes = response.body();
        if (bytes.length > MAX_ANSWER_BYTES) {
            throw new IOException("the bot's answer is larger than " + MAX_ANSWER_BYTES + " bytes");
        }
        if (bytes.length == 0) {
            return new Answer(List.of(), false, false);
        }
        JsonNode answer;
        try {
            answer = Json.MAPPER.readTree(new String(bytes, StandardCharsets.UTF_8));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IOException("the bot's answer is not JSON: " + e.getOriginalMessage(), e);
        }
        List<String> messages = new ArrayList<>();
        JsonNode list = answer.path("messages");
        if (list.isArray()) {
            for (JsonNode message : list) {
                String text = message.isTextual() ? message.asText() : message.path("text").asText("");
                if (!text.isEmpty()) {
                    messages.add(text);
                }
            }
        }
        return new Answer(messages, answer.path("transfer").asBoolean(false), answer.path("end").asBoolean(false));
    }
}
