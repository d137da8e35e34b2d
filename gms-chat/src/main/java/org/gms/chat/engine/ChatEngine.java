package org.gms.chat.engine;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
    private static final int CAS_ATTEMPTS = 20;
    private static final long TOUCH_MILLIS = 1000;
    private static final int TOUCHED_CHATS = 20_000;

    private final Supplier<ChatSettings> settings;
    private final ChatRepository repository;
    private final Transcript transcript;
    private final ChatListener listener;
    private final ChatNodes nodes;
    private final Clock clock;
    private final OpenChats open;
    private final ChatTimers timers;
    private final AgentDesk agents;
    private final CustomerOperations customers;
    private final org.gms.storage.chat.ChatFileRepository files;
    /** The last activity time written per chat by this node (the most recently active chats). */
    private final Map<String, Long> touched = Lru.of(TOUCHED_CHATS);

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
        this.customers = new CustomerOperations(this);
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
        ChatChecks.checkText(options, request.text(), "text");
        ChatChecks.checkText(options, request.nickname(), "nickname");
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
        String chatId = ChatChecks.newId(8);
        // the key starts with the chat id, so that a key alone names its chat (CometD operations carry only the
        // key); its secret part is 128 random bits
        StoredChat chat = new StoredChat(chatId, service, chatId + ChatChecks.newId(16),
                ChatChecks.newId(8).toUpperCase(),
                bot ? ChatEvents.BOT : ChatEvents.WAITING, options.endpoint(), "", request.shownName(),
                request.subject(), request.email(), request.userData(), meta.json(), now, now, null, 1);
        int ttl = ttl();
        repository.create(chat, ttl);
        open.added(chat);
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

    /**
     * Runs one customer operation after checking the key, then answers the events from {@code position} (none when
     * it is absent, except for refresh, which answers all new events from 1).
     */
    public ChatView perform(String chatId, String secureKey, Operation operation, Integer position) {
        StoredChat chat = authorize(chatId, secureKey);
        return perform(chat, operation, position);
    }

    public ChatView perform(StoredChat chat, Operation operation, Integer position) {
        return customers.perform(chat, operation, position);
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
        customers.checkWrite(chat, options(chat.service()));
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

    /** The last index of a chat's transcript (0 when empty), as this node knows it (stored here) or as read. */
    public int lastIndex(String chatId) {
        return transcript.lastIndex(chatId);
    }

    /** Events of a chat from {@code from} (no key check: for the agent side and the notification sessions). */
    public List<StoredChatEvent> events(String chatId, int from, int limit) {
        return transcript.read(chatId, from, limit);
    }

    /** Chats per state: the open ones as listed now, and those ended today (UTC). */
    public Map<String, Object> stats() {
        return open.stats();
    }

    /** Another node stored events of this chat: forget what this node knew of its transcript. */
    public void woken(String chatId) {
        transcript.forget(chatId);
        listener.woken(chatId);
    }

    /**
     * Records the customer's activity, at most once a second per chat from this node (the idle timers count in
     * seconds; a message burst costs one write, not one per message).
     */
    void touch(String chatId) {
        Instant now = clock.instant();
        synchronized (touched) {
            Long last = touched.get(chatId);
            if (last != null && now.toEpochMilli() - last >= 0 && now.toEpochMilli() - last < TOUCH_MILLIS) {
                return;
            }
            touched.put(chatId, now.toEpochMilli());
        }
        repository.touch(chatId, now, ttl()).exceptionally(error -> {
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
}
