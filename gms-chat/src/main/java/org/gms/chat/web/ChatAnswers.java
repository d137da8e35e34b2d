package org.gms.chat.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gms.chat.api.ChatException;
import org.gms.chat.engine.ChatView;
import org.gms.core.error.GmsException;
import org.gms.storage.chat.StoredChat;
import org.gms.storage.chat.StoredChatEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Chat API v2 body, the same over REST and CometD: {@code statusCode}, the chat's ids and key, the events from
 * the requested position and the next position; on failure {@code errors:[{code, advice}]}.
 */
public final class ChatAnswers {

    private static final Logger LOG = LoggerFactory.getLogger(ChatAnswers.class);

    private final String alias;

    /** @param alias the {@code alias} field: this node's id */
    public ChatAnswers(String alias) {
        this.alias = alias;
    }

    public Map<String, Object> ok(ChatView view) {
        StoredChat chat = view.chat();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("messages", events(view.events()));
        body.put("chatEnded", chat.ended());
        body.put("statusCode", 0);
        body.put("alias", alias);
        body.put("secureKey", chat.secureKey());
        body.put("userId", chat.userId());
        body.put("chatId", chat.chatId());
        body.put("nextPosition", view.nextPosition());
        if (!view.userData().isEmpty()) {
            body.put("userData", view.userData());
        }
        return body;
    }

    /** A refusal; {@code chatId} is echoed when the client named one. */
    public Map<String, Object> error(Throwable error, String chatId) {
        int statusCode;
        int code;
        String advice;
        boolean ended = false;
        if (error instanceof ChatException chat) {
            statusCode = chat.statusCode();
            code = chat.code();
            advice = chat.advice();
            ended = chat.code() == ChatException.ENDED;
        } else if (error instanceof GmsException gms && gms.status() == 503) {
            statusCode = 1;
            code = ChatException.UNAVAILABLE;
            advice = gms.getMessage();
        } else if (error instanceof GmsException gms && gms.status() < 500) {
            statusCode = 2;
            code = ChatException.BAD_REQUEST;
            advice = gms.getMessage();
        } else {
            String reference = Long.toHexString(System.nanoTime());
            LOG.error("Chat request failed, reference {}", reference, error);
            statusCode = 2;
            code = 500;
            advice = "The server could not execute the request. referenceId[" + reference + "]";
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("messages", List.of());
        body.put("chatEnded", ended);
        body.put("statusCode", statusCode);
        body.put("alias", alias);
        if (chatId != null && !chatId.isBlank()) {
            body.put("chatId", chatId);
        }
        body.put("errors", List.of(Map.of("code", code, "advice", advice)));
        return body;
    }

    /** A chat as the agent API lists it (and the agent CometD channel announces it). */
    public static Map<String, Object> agentChat(StoredChat chat) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("chatId", chat.chatId());
        body.put("service", chat.service());
        body.put("state", chat.state());
        body.put("queue", chat.queue());
        body.put("nickname", chat.nickname());
        body.put("subject", chat.subject());
        body.put("userData", chat.userData());
        body.put("createdAt", chat.createdAt().toString());
        body.put("agentId", chat.agent());
        return body;
    }

    public static List<Map<String, Object>> events(List<StoredChatEvent> events) {
        List<Map<String, Object>> rendered = new ArrayList<>(events.size());
        for (StoredChatEvent event : events) {
            rendered.add(event(event));
        }
        return rendered;
    }

    public static Map<String, Object> event(StoredChatEvent event) {
        Map<String, Object> from = new LinkedHashMap<>();
        from.put("nickname", event.nickname());
        from.put("participantId", event.participantId());
        from.put("type", event.participantType());
        Map<String, Object> rendered = new LinkedHashMap<>();
        rendered.put("from", from);
        rendered.put("index", event.index());
        rendered.put("type", event.type());
        if (!event.text().isEmpty()) {
            rendered.put("text", event.text());
        }
        if (!event.messageType().isEmpty()) {
            rendered.put("messageType", event.messageType());
        }
        rendered.put("utcTime", event.time().toEpochMilli());
        if (!event.userData().isEmpty()) {
            rendered.put("userData", event.userData());
        }
        return rendered;
    }
}
