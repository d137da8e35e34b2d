package org.gms.chat.engine;

import java.util.LinkedHashMap;
import java.util.Map;
import org.gms.chat.api.ChatEvents;
import org.gms.chat.api.ChatException;
import org.gms.chat.config.ChatServiceOptions;
import org.gms.storage.chat.StoredChat;
import org.gms.storage.chat.StoredChatEvent;

/**
 * The customer's operations on a chat (Chat API v2 after the request), each checked against the service's limits
 * before anything is written: the rate per chat, the transcript length, the text sizes.
 */
final class CustomerOperations {

    private final ChatEngine engine;
    private final RateLimits rates = new RateLimits();

    CustomerOperations(ChatEngine engine) {
        this.engine = engine;
    }

    ChatView perform(StoredChat chat, Operation operation, Integer position) {
        boolean read = operation instanceof Operation.Refresh || operation instanceof Operation.ReadReceipt;
        if (chat.ended()) {
            if (read || operation instanceof Operation.Disconnect) {
                return engine.view(chat, position == null ? 1 : position);
            }
            throw new ChatException(ChatException.ENDED, "The chat has ended");
        }
        ChatServiceOptions options = engine.options(chat.service());
        if (!read) {
            checkWrite(chat, options);
        }
        ChatMeta meta = ChatMeta.parse(chat.participants());
        ChatMeta.Participant customer = meta.customer();
        StoredChat current = chat;
        if (operation instanceof Operation.Send send) {
            ChatChecks.require(send.message(), "message");
            ChatChecks.checkText(options, send.message(), "message");
            StoredChatEvent stored = engine.append(current, engine.event(current, ChatEvents.MESSAGE, customer, send.message(),
                    send.messageType(), Map.of()));
            if (ChatEvents.BOT.equals(current.state())) {
                engine.timers().askBot(current, stored.index());
            }
        } else if (operation instanceof Operation.Typing typing) {
            ChatChecks.checkText(options, typing.preview(), "message");
            engine.append(current, engine.event(current, typing.started() ? ChatEvents.TYPING_STARTED
                    : ChatEvents.TYPING_STOPPED, customer, typing.preview(), "", Map.of()));
        } else if (operation instanceof Operation.Disconnect ignored) {
            current = engine.end(current, customer.id(), null);
        } else if (operation instanceof Operation.PushUrl push) {
            ChatChecks.require(push.url(), "pushUrl");
            ChatChecks.checkText(options, push.url(), "pushUrl");
            current = engine.mutate(current.chatId(), c -> c.next(c.state(), c.queue(), c.agent(), c.nickname(),
                    c.userData(), ChatMeta.parse(c.participants()).pushUrl(push.url()).json(), engine.clock().instant()));
            engine.append(current, engine.event(current, ChatEvents.PUSH_URL, customer, push.url(), "", Map.of()));
        } else if (operation instanceof Operation.UpdateNickname rename) {
            ChatChecks.require(rename.nickname(), "nickname");
            ChatChecks.checkText(options, rename.nickname(), "nickname");
            current = engine.mutate(current.chatId(), c -> c.next(c.state(), c.queue(), c.agent(),
                    rename.nickname().trim(), c.userData(),
                    ChatMeta.parse(c.participants()).rename(1, rename.nickname().trim()).json(),
                    engine.clock().instant()));
            engine.append(current, engine.event(current, ChatEvents.NICKNAME_UPDATED,
                    ChatMeta.parse(current.participants()).customer(), rename.nickname().trim(), "", Map.of()));
        } else if (operation instanceof Operation.CustomNotice notice) {
            ChatChecks.checkText(options, notice.message(), "message");
            engine.append(current, engine.event(current, ChatEvents.CUSTOM_NOTICE, customer, notice.message(), "", Map.of()));
        } else if (operation instanceof Operation.UpdateData data) {
            if (data.userData().isEmpty()) {
                throw ChatException.badRequest("userData[<key>] is required");
            }
            ChatChecks.checkUserData(options, data.userData());
            current = engine.mutate(current.chatId(), c -> {
                Map<String, String> merged = new LinkedHashMap<>(c.userData());
                merged.putAll(data.userData());
                return c.next(c.state(), c.queue(), c.agent(), c.nickname(), merged, c.participants(),
                        engine.clock().instant());
            });
        } else if (operation instanceof Operation.ReadReceipt receipt) {
            // the transcript shows what was sent; a read receipt is acknowledged and not stored
        }
        // a refresh is activity too, as in GMS: a client that polls is not idle
        engine.touch(current.chatId());
        if (operation instanceof Operation.Refresh) {
            return engine.view(current, position == null ? 1 : position);
        }
        return position == null ? engine.view(current, Integer.MAX_VALUE) : engine.view(current, position);
    }

    /** The limits of every operation that writes: the rate of the chat's customer, the transcript's length. */
    void checkWrite(StoredChat chat, ChatServiceOptions options) {
        rates.check(chat.chatId(), options.messagesPerSecond(), engine.clock().millis());
        if (engine.lastIndex(chat.chatId()) >= options.transcriptMaxEvents()) {
            throw new ChatException(ChatException.LIMIT, "The transcript of this chat is full ("
                    + options.transcriptMaxEvents() + " events)");
        }
    }
}
