package org.gms.chat.engine;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gms.chat.api.ChatEvents;
import org.gms.core.http.Json;

/**
 * What the engine keeps of a chat beside the stored columns, in the chat row's {@code participants} field as JSON:
 * the participants (present or gone), when the chat started waiting, and the push URL.
 *
 * @param participants  every participant that joined, in joining order; the customer is participant 1
 * @param waitingSince  epoch ms the chat entered its queue (0 when not waiting)
 * @param pushUrl       the last {@code pushUrl} the customer sent
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ChatMeta(List<Participant> participants, long waitingSince, String pushUrl) {

    /**
     * @param id       participant id within the chat
     * @param type     {@code Client}, {@code Agent}, {@code External}
     * @param nickname shown to the others
     * @param user     the agent's login ({@code ""} for others)
     * @param present  false once it left
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Participant(int id, String type, String nickname, String user, boolean present) {
    }

    public ChatMeta {
        participants = participants == null ? List.of() : List.copyOf(participants);
        pushUrl = pushUrl == null ? "" : pushUrl;
    }

    static ChatMeta parse(String json) {
        try {
            return Json.MAPPER.readValue(json == null || json.isBlank() ? "{}" : json, ChatMeta.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable chat participants: " + e.getOriginalMessage(), e);
        }
    }

    String json() {
        try {
            return Json.MAPPER.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    Participant customer() {
        return participants.get(0);
    }

    Optional<Participant> agent(String user) {
        return participants.stream().filter(p -> p.present() && ChatEvents.AGENT.equals(p.type())
                && p.user().equals(user)).findFirst();
    }

    Optional<Participant> bot() {
        return participants.stream().filter(p -> p.present() && ChatEvents.EXTERNAL.equals(p.type())).findFirst();
    }

    boolean agentPresent() {
        return participants.stream().anyMatch(p -> p.present() && ChatEvents.AGENT.equals(p.type()));
    }

    /** A new participant, with the next id. */
    ChatMeta join(String type, String nickname, String user) {
        List<Participant> next = new ArrayList<>(participants);
        int id = participants.stream().mapToInt(Participant::id).max().orElse(0) + 1;
        next.add(new Participant(id, type, nickname, user, true));
        return new ChatMeta(next, waitingSince, pushUrl);
    }

    ChatMeta leave(int id) {
        List<Participant> next = new ArrayList<>();
        for (Participant p : participants) {
            next.add(p.id() == id ? new Participant(p.id(), p.type(), p.nickname(), p.user(), false) : p);
        }
        return new ChatMeta(next, waitingSince, pushUrl);
    }

    ChatMeta rename(int id, String nickname) {
        List<Participant> next = new ArrayList<>();
        for (Participant p : participants) {
            next.add(p.id() == id ? new Participant(p.id(), p.type(), nickname, p.user(), p.present()) : p);
        }
        return new ChatMeta(next, waitingSince, pushUrl);
    }

    Participant last() {
        return participants.get(participants.size() - 1);
    }

    ChatMeta waiting(long since) {
        return new ChatMeta(participants, since, pushUrl);
    }

    ChatMeta pushUrl(String url) {
        return new ChatMeta(participants, waitingSince, url);
    }
}
