package org.gms.chat.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.gms.chat.api.ChatConflictException;
import org.gms.chat.api.ChatEvents;
import org.gms.chat.api.ChatException;
import org.gms.core.error.BadRequestException;
import org.gms.core.error.NotFoundException;
import org.gms.storage.chat.OpenChat;
import org.gms.storage.chat.StoredChat;
import org.gms.storage.chat.StoredChatEvent;

/**
 * The agent side of the chat engine: the waiting chats of an agent's queues and its own, accept (exactly one agent
 * wins, by compare-and-set), messages, typing, transfer and leave. Errors are v1 bodies with HTTP statuses (404 an
 * unknown chat, 409 a chat in the wrong state or taken by another agent).
 */
public final class AgentDesk {

    private final ChatEngine engine;

    AgentDesk(ChatEngine engine) {
        this.engine = engine;
    }

    /** Whether an agent serving {@code queues} (empty: every queue) serves {@code queue}: by whole name or the part after the colon. */
    public static boolean serves(Predicate<String> serves, String queue) {
        int colon = queue.indexOf(':');
        return serves.test(queue) || (colon >= 0 && serves.test(queue.substring(colon + 1)));
    }

    /** The waiting chats of the agent's queues (oldest first), then the agent's own active chats. */
    public List<OpenChat> chats(String agent, Predicate<String> queues) {
        List<OpenChat> listed = new ArrayList<>();
        List<OpenChat> all = engine.openChats().all();
        all.stream().filter(chat -> ChatEvents.WAITING.equals(chat.state()) && serves(queues, chat.queue()))
                .sorted(Comparator.comparing(OpenChat::createdAt).thenComparing(OpenChat::chatId))
                .forEach(listed::add);
        all.stream().filter(chat -> ChatEvents.ACTIVE.equals(chat.state()) && chat.agent().equals(agent))
                .sorted(Comparator.comparing(OpenChat::createdAt)).forEach(listed::add);
        return listed;
    }

    /** Every chat not ended, as the open-chat rows list it (a hint: the chat row decides). */
    public List<OpenChat> open() {
        return engine.openChats().all();
    }

    /** A chat, read without waiting (the list reads many at once). */
    public java.util.concurrent.CompletableFuture<Optional<StoredChat>> find(String chatId) {
        return engine.repository().findAsync(chatId);
    }

    public StoredChat chat(String chatId) {
        return engine.load(chatId).orElseThrow(() -> new NotFoundException("No chat " + chatId));
    }

    /** Accepts a waiting chat of one of the agent's queues; the customer sees the agent join. */
    public StoredChat accept(String chatId, String agent, Predicate<String> queues) {
        for (int attempt = 0; attempt < 10; attempt++) {
            StoredChat current = chat(chatId);
            if (!ChatEvents.WAITING.equals(current.state())) {
                throw new ChatConflictException(current.agent().isEmpty() ? "Chat " + chatId + " is "
                        + current.state().toLowerCase() : "Chat " + chatId + " was accepted by another agent");
            }
            if (!serves(queues, current.queue())) {
                throw new ChatConflictException("Chat " + chatId + " waits in queue " + current.queue()
                        + ", which agent " + agent + " does not serve");
            }
            Instant now = engine.clock().instant();
            ChatMeta meta = ChatMeta.parse(current.participants());
            StoredChat accepted = current.next(ChatEvents.ACTIVE, current.queue(), agent, current.nickname(),
                    current.userData(), meta.join(ChatEvents.AGENT, agent, agent).waiting(0).json(), now);
            // a lost compare-and-set is read again: another agent's accept then shows as ACTIVE, a nickname
            // change of the customer is retried over
            if (engine.repository().replace(current, accepted, engine.ttl())) {
                if (meta.waitingSince() > 0) {
                    engine.openChats().accepted(Duration.ofMillis(Math.max(0,
                            now.toEpochMilli() - meta.waitingSince())));
                }
                ChatMeta.Participant joined = ChatMeta.parse(accepted.participants()).last();
                engine.append(accepted, engine.event(accepted, ChatEvents.PARTICIPANT_JOINED, joined, "", "",
                        Map.of()));
                return accepted;
            }
        }
        throw new ChatConflictException("Chat " + chatId + " is changing too often to be accepted; try again");
    }

    public StoredChatEvent send(String chatId, String agent, String message, String messageType) {
        ChatChecks.require(message, "message");
        StoredChat chat = own(chatId, agent);
        checkText(chat, message);
        return engine.append(chat, engine.event(chat, ChatEvents.MESSAGE, participant(chat, agent), message,
                messageType, Map.of()));
    }

    public StoredChatEvent typing(String chatId, String agent, boolean typing) {
        StoredChat chat = own(chatId, agent);
        return engine.append(chat, engine.event(chat, typing ? ChatEvents.TYPING_STARTED : ChatEvents.TYPING_STOPPED,
                participant(chat, agent), "", "", Map.of()));
    }

    /** A notice an agent sends (a file event, a custom notice). */
    public StoredChatEvent notice(String chatId, String agent, String type, String text, Map<String, String> data) {
        StoredChat chat = own(chatId, agent);
        return engine.append(chat, engine.event(chat, type, participant(chat, agent), text, "", data));
    }

    /**
     * Transfers the chat to a queue (it waits there again) or straight to another agent; the agent leaves. Exactly
     * one of {@code queue} and {@code target} is given.
     */
    public StoredChat transfer(String chatId, String agent, String queue, String target) {
        boolean toQueue = queue != null && !queue.isBlank();
        boolean toAgent = target != null && !target.isBlank();
        if (toQueue == toAgent) {
            throw new BadRequestException("Give either queue or agent");
        }
        StoredChat chat = own(chatId, agent);
        ChatMeta.Participant leaving = participant(chat, agent);
        long now = engine.clock().millis();
        StoredChat moved = engine.mutate(chatId, c -> {
            if (!ChatEvents.ACTIVE.equals(c.state()) || !c.agent().equals(agent)) {
                throw new ChatConflictException("Chat " + chatId + " is not with agent " + agent);
            }
            ChatMeta meta = ChatMeta.parse(c.participants()).leave(leaving.id());
            return toQueue
                    ? c.next(ChatEvents.WAITING, queue.trim(), "", c.nickname(), c.userData(),
                            meta.waiting(now).json(), engine.clock().instant())
                    : c.next(ChatEvents.ACTIVE, c.queue(), target.trim(), c.nickname(), c.userData(),
                            meta.join(ChatEvents.AGENT, target.trim(), target.trim()).json(), engine.clock().instant());
        });
        engine.append(moved, engine.event(moved, ChatEvents.PARTICIPANT_LEFT, leaving, "", "", Map.of()));
        if (toQueue) {
            engine.timers().queued(moved, engine.options(moved.service()));
            engine.noticePosition(moved);
        } else {
            ChatMeta.Participant joined = ChatMeta.parse(moved.participants()).last();
            engine.append(moved, engine.event(moved, ChatEvents.PARTICIPANT_JOINED, joined, "", "", Map.of()));
        }
        return moved;
    }

    /** The agent leaves; with no agent left (and no bot) the chat ends. */
    public StoredChat leave(String chatId, String agent) {
        StoredChat chat = own(chatId, agent);
        ChatMeta.Participant leaving = participant(chat, agent);
        return engine.end(chat, leaving.id(), null);
    }

    /** The transcript from {@code from}, for the agent serving the chat, or any agent while it waits. */
    public ChatView transcript(String chatId, String agent, Predicate<String> queues, int from, boolean anyChat) {
        StoredChat chat = anyChat ? chat(chatId) : readable(chatId, agent, queues);
        return engine.view(chat, Math.max(1, from));
    }

    /** A chat the agent may read (its transcript, its files): one it serves or served, or one of its queues. */
    public StoredChat readable(String chatId, String agent, Predicate<String> queues) {
        StoredChat chat = chat(chatId);
        if (!(chat.agent().equals(agent) || serves(queues, chat.queue()))) {
            throw new org.gms.core.error.ForbiddenException("Chat " + chatId + " is not in a queue agent " + agent
                    + " serves");
        }
        return chat;
    }

    /** A chat the agent holds now (ACTIVE with it), with its participant id; 409 otherwise. */
    public Held held(String chatId, String agent) {
        StoredChat chat = own(chatId, agent);
        return new Held(chat, participant(chat, agent).id());
    }

    /** A chat an agent holds and the agent's participant id in it. */
    public record Held(StoredChat chat, int participantId) {
    }

    private StoredChat own(String chatId, String agent) {
        StoredChat chat = chat(chatId);
        if (!ChatEvents.ACTIVE.equals(chat.state()) || !chat.agent().equals(agent)) {
            throw new ChatConflictException("Chat " + chatId + " is " + chat.state().toLowerCase()
                    + (chat.agent().isEmpty() ? "" : " with another agent") + ", not with agent " + agent);
        }
        return chat;
    }

    private static ChatMeta.Participant participant(StoredChat chat, String agent) {
        Optional<ChatMeta.Participant> found = ChatMeta.parse(chat.participants()).agent(agent);
        return found.orElseThrow(() -> new ChatConflictException("Agent " + agent + " is not in chat "
                + chat.chatId()));
    }

    private void checkText(StoredChat chat, String text) {
        try {
            ChatChecks.checkText(engine.options(chat.service()), text, "message");
        } catch (ChatException e) {
            throw new BadRequestException(e.advice());
        }
    }
}
