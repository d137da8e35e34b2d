package org.gms.chat.engine;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.gms.chat.api.ChatEvents;
import org.gms.chat.api.ChatException;
import org.gms.chat.api.ChatListener;
import org.gms.chat.api.ChatNodes;
import org.gms.chat.config.ChatServiceOptions;
import org.gms.chat.config.ChatSettings;
import org.gms.storage.chat.ChatRepository;
import org.gms.storage.chat.StoredChat;
import org.gms.storage.chat.StoredChatEvent;
import org.gms.storage.cluster.job.JobScheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The chat engine, in place of a Chat Server: chats and transcripts in Cassandra, so any node serves any operation.
 * This class is the customer side (Chat API v2); {@link AgentDesk} is the agent side and {@link ChatTimers} the work
 * due at a time (idle customers, chats nobody accepts, bot answers), on the cluster's job engine.
 */
public final class ChatEngine {

    /** Events returned in one answer at most; the client asks again from {@code nextPosition}. */
    public static final int MAX_EVENTS_PER_ANSWER = 500;
    private static final Logger LOG = LoggerFactory.getLogger(ChatEngine.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int CAS_ATTEMPTS = 20;

    private final Supplier<ChatSettings> settings;
    private final ChatRepository repository;
    private final Transcript transcript;
    private final ChatListener listener;
    private final ChatNodes nodes;
    private final Clock clock;
    private final RateLimits rates = new RateLimits();
    private final OpenChats open;
    private final ChatTimers timers;
    private final AgentDesk agents;
    private final org.gms.storage.chat.ChatFileRepository files;

    public ChatEngine(Supplier<ChatSettings> settings, ChatRepository repository, JobScheduler jobs,
                      ChatListener listener, ChatNodes nodes, Clock clock,
                      org.gms.chat.bot.BotClient bot, org.gms.storage.chat.ChatFileRepository files) {
        this.files = files;
        this.settings = settings;
        this.repository = repository;
        this.transcript = new Transcript(repository);
        this.listener = listener;
        this.nodes = nodes;
        this.clock = clock;
        this.open = new OpenChats(repository, clock);
        this.timers = new ChatTimers(this, jobs, bot, clock);
        this.agents = new AgentDesk(this);
    }

    public void registerJobs(JobScheduler jobs) {
        timers.register(jobs);
    }

    public AgentDesk agents() {
        return agents;
    }

    public ChatSettings settings() {
        return settings.get();
    }

    ChatServiceOptions options(String service) {
        return settings.get().service(service);
    }

    Clock clock() {
        return clock;
    }

    ChatTimers timers() {
        return timers;
    }

    OpenChats openChats() {
        return open;
    }

    ChatRepository repository() {
        return repository;
    }

    // ---------------------------------------------------------------- customer side

    /** Starts a chat: the customer joins, the initial text is posted, the chat goes to the bot or to its queue. */
    public ChatView request(String service, ChatRequest request) {
        if (request.shownName().isEmpty()) {
            throw ChatException.badRequest("nickname, or firstName and lastName, is required");
        }
        ChatServiceOptions options = options(service);
        checkText(options, request.text(), "text");
        checkText(options, request.nickname(), "nickname");
        if (open.count() >= settings.get().maxOpenChats()) {
            throw new ChatException(ChatException.LIMIT, "The server holds its maximum of open chats ("
                    + settings.get().maxOpenChats() + "); try again later", true);
        }
        Instant now = clock.instant();
        boolean bot = !options.botWebhook().isBlank();
        ChatMeta meta = new ChatMeta(List.of(), 0, "").join(ChatEvents.CLIENT, request.shownName(), "");
        if (bot) {
            meta = meta.join(ChatEvents.EXTERNAL, options.botNickname(), "");
        } else {
            meta = meta.waiting(now.toEpochMilli());
        }
        String chatId = newId(8);
        // the key starts with the chat id, so that a key alone names its chat (CometD operations carry only the
        // key); its secret part is 128 random bits
        StoredChat chat = new StoredChat(chatId, service, chatId + newId(16), newId(8).toUpperCase(),
                bot ? ChatEvents.BOT : ChatEvents.WAITING, options.endpoint(), "", request.shownName(),
                request.subject(), request.email(), request.userData(), meta.json(), now, now, null, 1);
        int ttl = ttl();
        repository.create(chat, ttl);
        open.added();
        ChatMeta.Participant customer = meta.customer();
        append(chat, event(chat, ChatEvents.PARTICIPANT_JOINED, customer, "", "", Map.of()));
        if (bot) {
            append(chat, event(chat, ChatEvents.PARTICIPANT_JOINED, meta.bot().orElseThrow(), "", "", Map.of()));
        }
        touch(chatId);
        timers.chatStarted(chat, options);
        if (!request.text().isEmpty()) {
            StoredChatEvent first = append(chat, event(chat, ChatEvents.MESSAGE, customer, request.text(), "",
                    Map.of()));
            if (bot) {
                timers.askBot(chat, first.index());
            }
        }
        if (!bot) {
            timers.queued(chat, options);
            noticePosition(chat);
        }
        LOG.debug("Chat {} of service {} started ({})", chatId, service, chat.state());
        return view(chat, 1);
    }

    /** The chat, if the secure key is its own; the same refusal for an unknown chat and a wrong key. */
    public StoredChat authorize(String chatId, String secureKey) {
        if (chatId == null || chatId.isBlank() || secureKey == null || secureKey.isBlank()) {
            throw ChatException.notFound();
        }
        StoredChat chat = load(chatId).orElseThrow(ChatException::notFound);
        if (!java.security.MessageDigest.isEqual(chat.secureKey().getBytes(java.nio.charset.StandardCharsets.UTF_8),
                secureKey.getBytes(java.nio.charset.StandardCharsets.UTF_8))) {
            throw ChatException.notFound();
        }
        return chat;
    }

    /** The chat of {@code secureKey} alone (CometD operations carry only the key): the key names its chat. */
    public StoredChat authorize(String secureKey) {
        if (secureKey == null || secureKey.length() != 48) {
            throw ChatException.notFound();
        }
        return authorize(secureKey.substring(0, 16), secureKey);
    }

    /** The customer's operations. */
    public sealed interface Operation {
        record Send(String message, String messageType) implements Operation { }
        record Typing(boolean started, String preview) implements Operation { }
        record Disconnect() implements Operation { }
        record PushUrl(String url) implements Operation { }
        record UpdateNickname(String nickname) implements Operation { }
        record CustomNotice(String message) implements Operation { }
        record UpdateData(Map<String, String> userData) implements Operation { }
        record ReadReceipt(int position) implements Operation { }
        record Refresh() implements Operation { }
    }

    /**
     * Runs one customer operation after checking the key, then answers the events from {@code position} (none when
     * it is absent, except for refresh, which answers all new events from 1).
     */
    public ChatView perform(String chatId, String secureKey, Operation operation, Integer position) {
        StoredChat chat = authorize(chatId, secureKey);
        return perform(chat, operation, position);
    }

    public ChatView perform(StoredChat chat, Operation operation, Integer position) {
        boolean read = operation instanceof Operation.Refresh || operation instanceof Operation.ReadReceipt;
        if (chat.ended()) {
            if (read || operation instanceof Operation.Disconnect) {
                return view(chat, position == null ? 1 : position);
            }
            throw new ChatException(ChatException.ENDED, "The chat has ended");
        }
        ChatServiceOptions options = options(chat.service());
        if (!read) {
            rates.check(chat.chatId(), options.messagesPerSecond(), clock.millis());
            if (transcript.lastIndex(chat.chatId()) >= options.transcriptMaxEvents()) {
                throw new ChatException(ChatException.LIMIT, "The transcript of this chat is full ("
                        + options.transcriptMaxEvents() + " events)");
            }
        }
        ChatMeta meta = ChatMeta.parse(chat.participants());
        ChatMeta.Participant customer = meta.customer();
        StoredChat current = chat;
        if (operation instanceof Operation.Send send) {
            require(send.message(), "message");
            checkText(options, send.message(), "message");
            StoredChatEvent stored = append(current, event(current, ChatEvents.MESSAGE, customer, send.message(),
                    send.messageType(), Map.of()));
            if (ChatEvents.BOT.equals(current.state())) {
                timers.askBot(current, stored.index());
            }
        } else if (operation instanceof Operation.Typing typing) {
            checkText(options, typing.preview(), "message");
            append(current, event(current, typing.started() ? ChatEvents.TYPING_STARTED
                    : ChatEvents.TYPING_STOPPED, customer, typing.preview(), "", Map.of()));
        } else if (operation instanceof Operation.Disconnect ignored) {
            current = end(current, customer.id(), null);
        } else if (operation instanceof Operation.PushUrl push) {
            require(push.url(), "pushUrl");
            checkText(options, push.url(), "pushUrl");
            current = mutate(current.chatId(), c -> c.next(c.state(), c.queue(), c.agent(), c.nickname(),
                    c.userData(), ChatMeta.parse(c.participants()).pushUrl(push.url()).json(), clock.instant()));
            append(current, event(current, ChatEvents.PUSH_URL, customer, push.url(), "", Map.of()));
        } else if (operation instanceof Operation.UpdateNickname rename) {
            require(rename.nickname(), "nickname");
            checkText(options, rename.nickname(), "nickname");
            current = mutate(current.chatId(), c -> c.next(c.state(), c.queue(), c.agent(),
                    rename.nickname().trim(), c.userData(),
                    ChatMeta.parse(c.participants()).rename(1, rename.nickname().trim()).json(),
                    clock.instant()));
            append(current, event(current, ChatEvents.NICKNAME_UPDATED,
                    ChatMeta.parse(current.participants()).customer(), rename.nickname().trim(), "", Map.of()));
        } else if (operation instanceof Operation.CustomNotice notice) {
            checkText(options, notice.message(), "message");
            append(current, event(current, ChatEvents.CUSTOM_NOTICE, customer, notice.message(), "", Map.of()));
        } else if (operation instanceof Operation.UpdateData data) {
            if (data.userData().isEmpty()) {
                throw ChatException.badRequest("userData[<key>] is required");
            }
            checkUserData(options, data.userData());
            current = mutate(current.chatId(), c -> {
                Map<String, String> merged = new LinkedHashMap<>(c.userData());
                merged.putAll(data.userData());
                return c.next(c.state(), c.queue(), c.agent(), c.nickname(), merged, c.participants(),
                        clock.instant());
            });
        } else if (operation instanceof Operation.ReadReceipt receipt) {
            // the transcript shows what was sent; a read receipt is acknowledged and not stored
        }
        // a refresh is activity too, as in GMS: a client that polls is not idle
        touch(current.chatId());
        if (operation instanceof Operation.Refresh) {
            return view(current, position == null ? 1 : position);
        }
        return position == null ? view(current, Integer.MAX_VALUE) : view(current, position);
    }

    /** Attaches a notification session: the chat and its events from {@code position}. */
    public ChatView attach(StoredChat chat, int position) {
        touch(chat.chatId());
        return view(chat, position);
    }

    /** The files of the chats. */
    public org.gms.storage.chat.ChatFileRepository files() {
        return files;
    }

    /** The options of a service ({@code [chat.<service>]} over {@code [chat]}). */
    public ChatServiceOptions serviceOptions(String service) {
        return options(service);
    }

    /** Seconds every chat row, event and file is kept. */
    public int keepSeconds() {
        return ttl();
    }

    /** The engine's clock's time. */
    public Instant now() {
        return clock.instant();
    }

    /** Whether an agent is in the chat now. */
    public boolean agentPresent(StoredChat chat) {
        return ChatMeta.parse(chat.participants()).agentPresent();
    }

    /**
     * Posts an event of the customer (a file uploaded or deleted, the file limits notice), after the same checks as
     * the customer's other operations.
     */
    public StoredChatEvent postAsCustomer(StoredChat chat, String type, String text, Map<String, String> data) {
        if (chat.ended()) {
            throw new ChatException(ChatException.ENDED, "The chat has ended");
        }
        ChatServiceOptions options = options(chat.service());
        rates.check(chat.chatId(), options.messagesPerSecond(), clock.millis());
        if (transcript.lastIndex(chat.chatId()) >= options.transcriptMaxEvents()) {
            throw new ChatException(ChatException.LIMIT, "The transcript of this chat is full ("
                    + options.transcriptMaxEvents() + " events)");
        }
        StoredChatEvent stored = append(chat, event(chat, type, ChatMeta.parse(chat.participants()).customer(), text,
                "", data));
        touch(chat.chatId());
        return stored;
    }

    // ---------------------------------------------------------------- shared by the agent side and the timers

    Optional<StoredChat> load(String chatId) {
        return repository.find(chatId);
    }

    /** Reads, changes and writes a chat by compare-and-set until it applies; the change sees the latest row. */
    StoredChat mutate(String chatId, UnaryOperator<StoredChat> change) {
        for (int attempt = 0; attempt < CAS_ATTEMPTS; attempt++) {
            StoredChat previous = load(chatId).orElseThrow(ChatException::notFound);
            StoredChat next = change.apply(previous);
            if (next == previous) {
                return previous;
            }
            if (repository.replace(previous, next, ttl())) {
                return next;
            }
        }
        throw new ChatException(ChatException.UNAVAILABLE, "The chat is busy; try again", true);
    }

    /** Stores an event at the next index and tells the listeners, here and on the other nodes. */
    StoredChatEvent append(StoredChat chat, StoredChatEvent event) {
        StoredChatEvent stored = transcript.append(event, ttl());
        try {
            listener.stored(chat, stored);
        } catch (RuntimeException e) {
            LOG.warn("A chat listener failed on event {} of chat {}: {}", stored.index(), chat.chatId(), e.toString());
        }
        nodes.broadcast(chat.chatId());
        return stored;
    }

    StoredChatEvent event(StoredChat chat, String type, ChatMeta.Participant from, String text, String messageType,
                          Map<String, String> userData) {
        return new StoredChatEvent(chat.chatId(), 0, type, from.id(), from.type(), from.nickname(), text,
                messageType, clock.instant(), userData);
    }

    /** A notice from the system (participant 0). */
    StoredChatEvent notice(StoredChat chat, String type, String text, Map<String, String> userData) {
        return new StoredChatEvent(chat.chatId(), 0, type, 0, ChatEvents.EXTERNAL, "system", text, "",
                clock.instant(), userData);
    }

    /**
     * Ends a chat: every present participant leaves (the one who ended it first), then the chat is ENDED. Ending
     * an ended chat changes nothing.
     *
     * @param closing an event posted before the participants leave (an {@code IdleClose}), or null
     */
    StoredChat end(StoredChat chat, int endedBy, StoredChatEvent closing) {
        if (chat.ended()) {
            return chat;
        }
        if (closing != null) {
            append(chat, closing);
        }
        timers.ended(chat);
        java.util.concurrent.atomic.AtomicBoolean ending = new java.util.concurrent.atomic.AtomicBoolean();
        StoredChat ended = mutate(chat.chatId(), c -> {
            ending.set(!c.ended());
            return c.ended() ? c : c.next(ChatEvents.ENDED, c.queue(), c.agent(), c.nickname(), c.userData(),
                    c.participants(), clock.instant());
        });
        // only the node whose change ended the chat posts the departures
        if (ending.get()) {
            ChatMeta meta = ChatMeta.parse(ended.participants());
            meta.participants().stream().filter(ChatMeta.Participant::present)
                    .sorted((a, b) -> Boolean.compare(b.id() == endedBy, a.id() == endedBy))
                    .forEach(p -> append(ended, event(ended, ChatEvents.PARTICIPANT_LEFT, p, "", "", Map.of())));
            open.removed();
        }
        return ended;
    }

    /** The chat with its events from {@code position} (the v2 answer). */
    public ChatView view(StoredChat chat, int position) {
        int last = transcript.lastIndex(chat.chatId());
        if (position > last) {
            return new ChatView(chat, List.of(), last + 1, Map.of());
        }
        List<StoredChatEvent> events = transcript.read(chat.chatId(), Math.max(1, position), MAX_EVENTS_PER_ANSWER);
        int next = events.isEmpty() ? last + 1 : Math.max(last, events.get(events.size() - 1).index()) + 1;
        if (events.size() == MAX_EVENTS_PER_ANSWER) {
            next = events.get(events.size() - 1).index() + 1;
        }
        return new ChatView(chat, events, next, Map.of());
    }

    /** Events of a chat from {@code from} (no key check: for the agent side and the notification sessions). */
    public List<StoredChatEvent> events(String chatId, int from, int limit) {
        return transcript.read(chatId, from, limit);
    }

    /** Chats per state: the open ones as listed now, and those ended today (UTC). */
    public Map<String, Object> stats() {
        Map<String, Integer> states = new LinkedHashMap<>();
        for (String state : List.of(ChatEvents.BOT, ChatEvents.WAITING, ChatEvents.ACTIVE)) {
            states.put(state, 0);
        }
        for (org.gms.storage.chat.OpenChat chat : open.all()) {
            states.merge(chat.state(), 1, Integer::sum);
        }
        states.put(ChatEvents.ENDED, repository.endedOn(clock.instant(), 1_000_000));
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("states", states);
        stats.put("endedSince", clock.instant().truncatedTo(java.time.temporal.ChronoUnit.DAYS).toString());
        return stats;
    }

    /** Another node stored events of this chat: forget what this node knew of its transcript. */
    public void woken(String chatId) {
        transcript.forget(chatId);
        listener.woken(chatId);
    }

    void touch(String chatId) {
        repository.touch(chatId, clock.instant(), ttl()).exceptionally(error -> {
            LOG.debug("Customer activity of chat {} not recorded: {}", chatId, error.toString());
            return null;
        });
    }

    void noticePosition(StoredChat chat) {
        OpenChats.Position position = open.position(chat);
        Map<String, String> data = new LinkedHashMap<>();
        data.put("queue-position", Integer.toString(position.position()));
        position.estimatedWait().ifPresent(wait -> data.put("estimated-wait-time", Long.toString(wait.toSeconds())));
        String text = "You are number " + position.position() + " in the queue"
                + position.estimatedWait().map(wait -> "; estimated wait " + wait.toSeconds() + " s").orElse("");
        append(chat, notice(chat, ChatEvents.NOTICE, text, data));
    }

    int ttl() {
        return settings.get().transcriptTtlSeconds();
    }

    static void require(String value, String name) {
        if (value == null || value.isBlank()) {
            throw ChatException.badRequest(name + " is required");
        }
    }

    static void checkText(ChatServiceOptions options, String text, String name) {
        if (text != null && text.length() > options.messageMaxSize()) {
            throw new ChatException(ChatException.LIMIT, name + " is longer than " + options.messageMaxSize()
                    + " characters (option message-max-size)");
        }
    }

    static void checkUserData(ChatServiceOptions options, Map<String, String> userData) {
        userData.forEach((key, value) -> {
            checkText(options, key, "userData key");
            checkText(options, value, "userData[" + key + "]");
        });
        if (userData.size() > 100) {
            throw new ChatException(ChatException.LIMIT, "At most 100 userData keys per request");
        }
    }

    /** Random hex of {@code bytes} bytes: chat ids take 8 (64 bits), secure keys 16 (128 bits). */
    static String newId(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    CompletableFuture<Void> async(Runnable work) {
        return CompletableFuture.runAsync(work);
    }
}
