package org.gms.chat.cometd;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.cometd.bayeux.server.BayeuxServer;
import org.cometd.bayeux.server.ConfigurableServerChannel;
import org.cometd.bayeux.server.ServerChannel;
import org.cometd.bayeux.server.ServerMessage;
import org.cometd.bayeux.server.ServerSession;
import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.gms.chat.api.ChatEvents;
import org.gms.chat.api.ChatException;
import org.gms.chat.api.ChatListener;
import org.gms.chat.config.ChatSettings;
import org.gms.chat.engine.ChatEngine;
import org.gms.chat.engine.Operation;
import org.gms.chat.engine.ChatRequest;
import org.gms.chat.engine.ChatView;
import org.gms.chat.web.ChatAnswers;
import org.gms.storage.chat.StoredChat;
import org.gms.storage.chat.StoredChatEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chat API v2 over CometD: a client publishes {@code {"operation": ...}} on {@code /service/chatV2/<service>} and
 * gets the v2 body (the same as REST) back on that channel. {@code requestChat} and {@code requestNotifications}
 * attach the session to its chat: from then on every event of the chat, the customer's own included, reaches the
 * session once, in index order, with no gap. The service keeps, per attached session, the next index to deliver,
 * and reads the transcript from there when an event is stored on this node, when another node says it stored one
 * ({@link ChatListener#woken}), and at every poll interval (the safety net). A client whose node died handshakes
 * elsewhere and sends {@code requestNotifications} with the position it got to: it gets what it missed, then the
 * rest.
 */
public final class ChatCometService extends AbstractLifeCycle implements ChatListener {

    public static final String CHANNEL_PREFIX = "/service/chatV2/";
    static final String ATTACHMENT = ChatCometService.class.getName() + ".attachment";
    private static final Logger LOG = LoggerFactory.getLogger(ChatCometService.class);
    private static final Pattern SERVICE = Pattern.compile("[A-Za-z0-9_.-]{1,100}");
    /** Events read and delivered in one message at most; more follow at once in further messages. */
    private static final int BATCH = 100;
    /** An operation that holds the session's connection this long is logged. */
    private static final long SLOW_MILLIS = 2000;
    /** An ended chat's session is polled this long after its last delivery, then only woken. */
    private static final long ENDED_POLL_NANOS = TimeUnit.SECONDS.toNanos(30);
    /** The events stored with a change of the chat row. */
    private static final Set<String> CHANGES_ROW = Set.of(ChatEvents.PARTICIPANT_JOINED, ChatEvents.PARTICIPANT_LEFT,
            ChatEvents.IDLE_CLOSE, ChatEvents.NICKNAME_UPDATED, ChatEvents.PUSH_URL);
    /** The attachment whose own operation is running on this thread: its events wait for the operation's answer. */
    private static final ThreadLocal<Attachment> ACTING = new ThreadLocal<>();

    private final BayeuxServer bayeux;
    private final Supplier<ChatEngine> engine;
    private final ChatAnswers answers;
    private final Supplier<ChatSettings> settings;
    private final ChatCredentials credentials;
    private final CometWorkers workers;
    private final Map<String, Set<Attachment>> byChat = new ConcurrentHashMap<>();
    private final ServerChannel.MessageListener listener = new ServerChannel.MessageListener() {
        @Override
        public boolean onMessage(ServerSession from, ServerChannel channel, ServerMessage.Mutable message) {
            return ChatCometService.this.onMessage(from, message);
        }
    };
    private final BayeuxServer.SessionListener sessions = new BayeuxServer.SessionListener() {
        @Override
        public void sessionRemoved(ServerSession session, ServerMessage message, boolean timeout) {
            if (session.getAttribute(ATTACHMENT) instanceof Attachment attachment) {
                detach(attachment);
            }
        }
    };
    private volatile long pollNanos;

    /**
     * @param engine      the chat engine (built when the chat feature starts, before this service)
     * @param credentials the Basic authentication a service asks of {@code requestChat}
     */
    public ChatCometService(BayeuxServer bayeux, Supplier<ChatEngine> engine, ChatAnswers answers,
                            Supplier<ChatSettings> settings, ChatCredentials credentials) {
        this.bayeux = bayeux;
        this.engine = engine;
        this.answers = answers;
        this.settings = settings;
        this.credentials = credentials;
        this.workers = new CometWorkers(bayeux, "chat-comet");
    }

    @Override
    protected void doStart() {
        Duration interval = settings.get().pollInterval();
        pollNanos = interval.toNanos();
        workers.start(interval, this::poll);
        bayeux.addListener(sessions);
        ServerChannel channel = bayeux.createChannelIfAbsent(CHANNEL_PREFIX + "*",
                (ConfigurableServerChannel.Initializer) configurable -> configurable.setPersistent(true))
                .getReference();
        channel.addListener(listener);
    }

    @Override
    protected void doStop() throws Exception {
        ServerChannel channel = bayeux.getChannel(CHANNEL_PREFIX + "*");
        if (channel != null) {
            channel.removeListener(listener);
        }
        bayeux.removeListener(sessions);
        workers.stop();
        byChat.clear();
    }

    /** Whether a CometD session of this node is attached to the chat (its customer gets events live). */
    public boolean attached(String chatId) {
        Set<Attachment> attachments = byChat.get(chatId);
        return attachments != null && !attachments.isEmpty();
    }

    // ---------------------------------------------------------------- events stored, here or elsewhere

    @Override
    public void stored(StoredChat chat, StoredChatEvent event) {
        Set<Attachment> attachments = byChat.get(chat.chatId());
        if (attachments != null) {
            Attachment acting = ACTING.get();
            for (Attachment attachment : attachments) {
                attachment.known(chat);
                attachment.offer(event, attachment == acting);
            }
        }
    }

    @Override
    public void woken(String chatId) {
        Set<Attachment> attachments = byChat.get(chatId);
        if (attachments != null) {
            attachments.forEach(Attachment::wake);
        }
    }

    private void poll() {
        long now = System.nanoTime();
        for (Set<Attachment> attachments : byChat.values()) {
            for (Attachment attachment : attachments) {
                if (attachment.due(now)) {
                    attachment.wake();
                }
            }
        }
    }

    // ---------------------------------------------------------------- operations

    private boolean onMessage(ServerSession from, ServerMessage.Mutable message) {
        if (from == null || from.isLocalSession()) {
            return true;
        }
        String channelId = message.getChannel();
        Map<String, Object> data = message.getDataAsMap();
        String chatId = data == null ? null : CometMessages.text(data, "chatId");
        long started = System.nanoTime();
        try {
            if (data == null) {
                throw ChatException.badRequest("The message data must be an object with an operation");
            }
            if (!settings.get().notificationMode()) {
                throw ChatException.badRequest("Chat over CometD is disabled on this server"
                        + " ([chat] enable_notification_mode=false): use the REST chat API");
            }
            ChatEngine current = engine.get();
            if (current == null) {
                throw new ChatException(ChatException.UNAVAILABLE, "The chat service is not started", true);
            }
            String operation = CometMessages.text(data, "operation");
            if ("requestChat".equals(operation)) {
                requestChat(current, from, channelId, data);
            } else if ("requestNotifications".equals(operation)) {
                requestNotifications(current, from, channelId, data);
            } else {
                perform(current, from, channelId, operation, data);
            }
        } catch (RuntimeException e) {
            workers.deliver(from, channelId, answers.error(e, chatId));
        } finally {
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            if (millis >= SLOW_MILLIS) {
                LOG.warn("A chat operation over CometD ({}) of session {} took {} ms", data == null ? null
                        : CometMessages.text(data, "operation"), from.getId(), millis);
            }
        }
        return true;
    }

    private void requestChat(ChatEngine current, ServerSession session, String channel, Map<String, Object> data) {
        String service = channel.substring(CHANNEL_PREFIX.length());
        if (!SERVICE.matcher(service).matches()) {
            throw ChatException.badRequest("The chat service name of the channel is malformed");
        }
        Optional<ChatCredentials.Credentials> given = ChatCredentials.Credentials.of(data.get("auth"));
        if (!credentials.accepts(service, given)) {
            LOG.debug("CometD requestChat of service {} refused: {}", service,
                    given.isEmpty() ? "no credentials" : "wrong credentials");
            throw new ChatException(ChatException.UNAUTHORIZED, given.isEmpty()
                    ? "Chat service " + service + " needs credentials: send auth with requestChat"
                    : "The credentials of auth are not those of chat service " + service);
        }
        ChatView view = current.request(service, new ChatRequest(CometMessages.text(data, "nickname"),
                CometMessages.text(data, "firstName"), CometMessages.text(data, "lastName"),
                CometMessages.text(data, "subject"), CometMessages.text(data, "emailAddress"),
                CometMessages.userData(data), CometMessages.text(data, "text")));
        attach(current, session, channel, view, 1);
    }

    private void requestNotifications(ChatEngine current, ServerSession session, String channel,
                                      Map<String, Object> data) {
        StoredChat chat = current.authorize(CometMessages.text(data, "secureKey"));
        Integer given = CometMessages.position(data);
        int position = given == null ? 1 : Math.max(1, given);
        Map<String, String> userData = CometMessages.userData(data);
        if (!userData.isEmpty() && !chat.ended()) {
            chat = current.perform(chat, new Operation.UpdateData(userData), Integer.MAX_VALUE).chat();
        }
        attach(current, session, channel, current.attach(chat, position), position);
    }

    private void perform(ChatEngine current, ServerSession session, String channel, String name,
                         Map<String, Object> data) {
        Operation operation = operation(name, data);
        String secureKey = CometMessages.text(data, "secureKey");
        Attachment attachment = session.getAttribute(ATTACHMENT) instanceof Attachment found && !found.closed
                && found.keyIs(secureKey) ? found : null;
        if (attachment == null) {
            StoredChat chat = current.authorize(secureKey);
            workers.deliver(session, channel, answers.ok(current.perform(chat, operation,
                    CometMessages.position(data))));
            return;
        }
        // the session's chat as last known: this node stored or delivered every change of it since it was read
        // (a change elsewhere reads it again on delivery), so the key is checked and nothing is read here
        StoredChat chat = attachment.chat();
        // the answer carries the events from the session's position, the one the operation stored included
        // (held back for it while the operation ran, unless a wake-up delivered it first): each event reaches the
        // session once either way
        ChatView view;
        ACTING.set(attachment);
        try {
            view = current.perform(chat, operation, null);
        } finally {
            ACTING.remove();
        }
        attachment.known(view.chat());
        attachment.answer();
    }

    private static Operation operation(String name, Map<String, Object> data) {
        String message = CometMessages.text(data, "message");
        message = message == null ? "" : message;
        if (name == null) {
            throw ChatException.badRequest("operation is required");
        }
        return switch (name) {
            case "sendMessage" -> new Operation.Send(message, orEmpty(CometMessages.text(data, "messageType")));
            case "startTyping" -> new Operation.Typing(true, message);
            case "stopTyping" -> new Operation.Typing(false, message);
            case "disconnect" -> new Operation.Disconnect();
            case "pushUrl" -> new Operation.PushUrl(CometMessages.text(data, "pushUrl"));
            case "updateNickname" -> new Operation.UpdateNickname(CometMessages.text(data, "nickname"));
            case "updateData" -> new Operation.UpdateData(CometMessages.userData(data));
            case "customNotice" -> new Operation.CustomNotice(message);
            case "readReceipt" -> {
                Integer position = CometMessages.position(data);
                yield new Operation.ReadReceipt(position == null ? 0 : position);
            }
            default -> throw ChatException.badRequest("Unknown chat operation " + name);
        };
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    // ---------------------------------------------------------------- attachments

    /**
     * Attaches the session to the chat of {@code view} (the answer, with the events from {@code position}); a
     * session is attached to one chat at a time.
     */
    private void attach(ChatEngine current, ServerSession session, String channel, ChatView view, int position) {
        Attachment attachment = new Attachment(current, session, channel, view.chat());
        attachment.first(view, position);
        Object previous = session.getAttribute(ATTACHMENT);
        session.setAttribute(ATTACHMENT, attachment);
        if (previous instanceof Attachment old) {
            detach(old);
        }
        byChat.computeIfAbsent(attachment.chatId, key -> ConcurrentHashMap.newKeySet()).add(attachment);
        if (bayeux.getSession(session.getId()) == null) {
            // the session went away while it was being attached
            detach(attachment);
            return;
        }
        // events stored between the answer's read and the registration just above: no listener saw them for
        // this session
        attachment.wake();
    }

    private void detach(Attachment attachment) {
        attachment.closed = true;
        byChat.computeIfPresent(attachment.chatId, (key, attachments) -> {
            attachments.remove(attachment);
            return attachments.isEmpty() ? null : attachments;
        });
    }

    /**
     * One session attached to one chat: the next index to deliver to it, the events stored on this node and handed
     * over but not yet delivered, and the chat as last known. An event stored on this node is delivered as handed
     * over when it is the next one; the transcript is read only when something may be missing (a gap, a wake-up
     * from another node, the poll).
     */
    private final class Attachment {

        final String chatId;
        final ServerSession session;
        final String channel;
        private final ChatEngine engine;
        private final AtomicReference<StoredChat> chat;
        private final Coalescing wakeUps = new Coalescing(() -> pump(false));
        private final List<StoredChatEvent> held = new ArrayList<>();
        volatile boolean closed;
        private int next = 1;
        private volatile long deliveredAt = System.nanoTime();
        private volatile long pumpedAt = System.nanoTime();

        Attachment(ChatEngine engine, ServerSession session, String channel, StoredChat chat) {
            this.engine = engine;
            this.session = session;
            this.channel = channel;
            this.chatId = chat.chatId();
            this.chat = new AtomicReference<>(chat);
        }

        /** Whether {@code secureKey} is the chat's key. */
        boolean keyIs(String secureKey) {
            return secureKey != null && MessageDigest.isEqual(chat.get().secureKey().getBytes(StandardCharsets.UTF_8),
                    secureKey.getBytes(StandardCharsets.UTF_8));
        }

        StoredChat chat() {
            return chat.get();
        }

        /** A newer state of the chat (chatEnded of the next delivery). */
        void known(StoredChat newer) {
            chat.accumulateAndGet(newer, (current, given) -> given.version() >= current.version() ? given : current);
        }

        void wake() {
            if (!closed) {
                wakeUps.wake(workers.executor());
            }
        }

        boolean due(long now) {
            if (closed || now - pumpedAt < pollNanos) {
                return false;
            }
            return !chat.get().ended() || now - deliveredAt < ENDED_POLL_NANOS;
        }

        /** Delivers the answer to requestChat or requestNotifications: the events of the view from its position. */
        synchronized void first(ChatView view, int position) {
            List<StoredChatEvent> events = CometMessages.contiguous(view.events(), position);
            next = events.isEmpty() ? Math.min(position, view.nextPosition())
                    : events.get(events.size() - 1).index() + 1;
            deliver(new ChatView(view.chat(), events, next, view.userData()));
        }

        /**
         * An event stored on this node: delivered at once when it is the next one (kept for the answer when
         * {@code hold}, the session's own operation storing it); a later one means some are missing: read them.
         */
        synchronized void offer(StoredChatEvent event, boolean hold) {
            int expected = next + held.size();
            if (closed || event.index() < expected) {
                return;
            }
            if (event.index() > expected) {
                wake();
                return;
            }
            held.add(event);
            if (!hold) {
                send(held(), false);
            }
        }

        /** The answer to the session's own operation: what it stored, and anything else this node knows of. */
        synchronized void answer() {
            pumpedAt = System.nanoTime();
            List<StoredChatEvent> events = held();
            int known;
            try {
                known = engine.lastIndex(chatId);
            } catch (RuntimeException e) {
                known = 0;
            }
            if (!closed && known >= next + events.size()) {
                events = withStored(events);
            }
            send(events, true);
        }

        /** Delivers the events from the next index, read from the transcript, if there are any. */
        synchronized void pump(boolean answer) {
            pumpedAt = System.nanoTime();
            send(closed ? List.of() : withStored(held()), answer);
        }

        private List<StoredChatEvent> held() {
            List<StoredChatEvent> events = new ArrayList<>(held);
            held.clear();
            return events;
        }

        /** {@code events} (from the next index on) followed by those the transcript holds after them. */
        private List<StoredChatEvent> withStored(List<StoredChatEvent> events) {
            int from = next + events.size();
            try {
                List<StoredChatEvent> stored = CometMessages.contiguous(engine.events(chatId, from, BATCH), from);
                if (stored.stream().anyMatch(event -> CHANGES_ROW.contains(event.type()))) {
                    // stored elsewhere with a change of the chat row (an agent joined, someone left, a rename)
                    reload();
                }
                if (events.isEmpty()) {
                    return stored;
                }
                List<StoredChatEvent> all = new ArrayList<>(events);
                all.addAll(stored);
                return all;
            } catch (RuntimeException e) {
                LOG.debug("Transcript of chat {} not read for CometD session {}: {}", chatId, session.getId(),
                        e.toString());
                return events;
            }
        }

        private void send(List<StoredChatEvent> events, boolean answer) {
            if (events.isEmpty() && !answer) {
                return;
            }
            if (!events.isEmpty()) {
                next = events.get(events.size() - 1).index() + 1;
            }
            deliver(new ChatView(chat.get(), events, next, Map.of()));
            if (events.size() >= BATCH) {
                wake();
            }
        }

        /** The chat row, read again: an event stored elsewhere may have ended it. */
        private void reload() {
            try {
                known(engine.agents().chat(chatId));
            } catch (RuntimeException e) {
                LOG.debug("Chat {} not read again: {}", chatId, e.toString());
            }
        }

        private void deliver(ChatView view) {
            deliveredAt = System.nanoTime();
            workers.deliver(session, channel, answers.ok(view));
        }
    }
}
