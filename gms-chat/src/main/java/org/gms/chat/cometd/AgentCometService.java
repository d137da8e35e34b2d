package org.gms.chat.cometd;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.cometd.bayeux.server.BayeuxServer;
import org.cometd.bayeux.server.ConfigurableServerChannel;
import org.cometd.bayeux.server.ServerChannel;
import org.cometd.bayeux.server.ServerMessage;
import org.cometd.bayeux.server.ServerSession;
import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.gms.chat.api.ChatEvents;
import org.gms.chat.api.ChatListener;
import org.gms.chat.config.ChatSettings;
import org.gms.chat.engine.AgentDesk;
import org.gms.chat.engine.ChatEngine;
import org.gms.chat.web.ChatAnswers;
import org.gms.core.http.Caller;
import org.gms.storage.chat.OpenChat;
import org.gms.storage.chat.StoredChat;
import org.gms.storage.chat.StoredChatEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agents' real-time channel, {@code /service/agent/chats}. A session authenticated at handshake as a user of
 * {@code etc/users.ini} (its {@link Caller} in the session attribute {@link Caller#ATTRIBUTE}) publishes
 * {@code {"operation":"watch"}}; it then gets {@code {"type":"waiting","chat":{...}}} for every chat that waits in
 * one of its queues (those waiting already, then each new one), and {@code {"type":"event","chatId","event"}} for
 * every event of the chats it serves (ACTIVE with it as agent: the transcript from the start, then each new event,
 * once and in order); a chat announced as waiting that no longer waits there (accepted, transferred, ended) comes
 * as {@code {"type":"dequeued","chat":{...}}}. Events reach it the way they reach the customers' sessions: stored
 * on this node, woken by another node, or read by the poll.
 */
public final class AgentCometService extends AbstractLifeCycle implements ChatListener {

    public static final String CHANNEL = "/service/agent/chats";
    private static final Logger LOG = LoggerFactory.getLogger(AgentCometService.class);
    private static final int BATCH = 100;
    /** The polls between two reads of the open chats (new waiting or assigned chats whose wake-up was lost). */
    private static final int SCAN_EVERY = 5;
    /** Chats read at most per scan. */
    private static final int SCAN_READS = 50;
    /** How long the events of an ended chat keep reaching the agent that served it (the departures). */
    private static final long ENDED_GRACE_NANOS = TimeUnit.SECONDS.toNanos(10);
    private static final int VERSIONS_KEPT = 10_000;

    private final BayeuxServer bayeux;
    private final Supplier<ChatEngine> engine;
    private final Supplier<ChatSettings> settings;
    private final CometWorkers workers;
    private final Map<String, Watcher> watchers = new ConcurrentHashMap<>();
    private final ServerChannel.MessageListener listener = new ServerChannel.MessageListener() {
        @Override
        public boolean onMessage(ServerSession from, ServerChannel channel, ServerMessage.Mutable message) {
            return AgentCometService.this.onMessage(from, message);
        }
    };
    private final BayeuxServer.SessionListener sessions = new BayeuxServer.SessionListener() {
        @Override
        public void sessionRemoved(ServerSession session, ServerMessage message, boolean timeout) {
            Watcher watcher = watchers.remove(session.getId());
            if (watcher != null) {
                watcher.closed = true;
            }
        }
    };
    private int polls;

    public AgentCometService(BayeuxServer bayeux, Supplier<ChatEngine> engine, Supplier<ChatSettings> settings) {
        this.bayeux = bayeux;
        this.engine = engine;
        this.settings = settings;
        this.workers = new CometWorkers(bayeux, "agent-comet");
    }

    @Override
    protected void doStart() {
        Duration interval = settings.get().pollInterval();
        workers.start(interval, this::poll);
        bayeux.addListener(sessions);
        bayeux.createChannelIfAbsent(CHANNEL,
                (ConfigurableServerChannel.Initializer) configurable -> configurable.setPersistent(true))
                .getReference().addListener(listener);
    }

    @Override
    protected void doStop() throws Exception {
        ServerChannel channel = bayeux.getChannel(CHANNEL);
        if (channel != null) {
            channel.removeListener(listener);
        }
        bayeux.removeListener(sessions);
        workers.stop();
        watchers.clear();
    }

    // ---------------------------------------------------------------- the channel

    private boolean onMessage(ServerSession from, ServerMessage.Mutable message) {
        if (from == null || from.isLocalSession()) {
            return true;
        }
        Map<String, Object> data = message.getDataAsMap();
        String operation = data == null ? null : CometMessages.text(data, "operation");
        if (!(from.getAttribute(Caller.ATTRIBUTE) instanceof Caller caller)) {
            error(from, "The agent channel needs a user of etc/users.ini: send its credentials with the handshake"
                    + " (Authorization: Basic, or ext.gms_agent {username, password})");
            return true;
        }
        ChatEngine current = engine.get();
        if (current == null) {
            error(from, "The chat service is not started");
        } else if ("watch".equals(operation)) {
            Watcher watcher = new Watcher(current, from, caller);
            Watcher previous = watchers.put(from.getId(), watcher);
            if (previous != null) {
                previous.closed = true;
            }
            if (bayeux.getSession(from.getId()) == null) {
                watchers.remove(from.getId(), watcher);
                return true;
            }
            workers.deliver(from, CHANNEL, Map.of("type", "watching", "agent", caller.name()));
            snapshot(current, watcher);
        } else if ("unwatch".equals(operation)) {
            Watcher watcher = watchers.remove(from.getId());
            if (watcher != null) {
                watcher.closed = true;
            }
            workers.deliver(from, CHANNEL, Map.of("type", "unwatched", "agent", caller.name()));
        } else {
            error(from, "Unknown operation " + operation + " (watch, unwatch)");
        }
        return true;
    }

    private void error(ServerSession session, String advice) {
        workers.deliver(session, CHANNEL, Map.of("type", "error", "error", advice));
    }

    /** What a new watcher sees first: the chats waiting in its queues and its own active chats. */
    private void snapshot(ChatEngine current, Watcher watcher) {
        execute(() -> {
            for (OpenChat open : current.agents().chats(watcher.caller.name(), watcher.caller::serves)) {
                load(current, open.chatId()).ifPresent(watcher::offer);
            }
        });
    }

    // ---------------------------------------------------------------- events stored, here or elsewhere

    @Override
    public void stored(StoredChat chat, StoredChatEvent event) {
        for (Watcher watcher : watchers.values()) {
            watcher.offer(chat);
        }
    }

    @Override
    public void woken(String chatId) {
        ChatEngine current = engine.get();
        if (watchers.isEmpty() || current == null) {
            return;
        }
        // whether it now waits in a watcher's queue or is served by one, only the chat row tells
        execute(() -> load(current, chatId).ifPresent(chat -> watchers.values().forEach(w -> w.offer(chat))));
    }

    private void poll() {
        if (watchers.isEmpty()) {
            return;
        }
        watchers.values().forEach(Watcher::poll);
        ChatEngine current = engine.get();
        if (current != null && ++polls % SCAN_EVERY == 0) {
            scan(current);
        }
    }

    /** Reads the open chats, and offers the watchers those they do not know of yet (a wake-up was lost). */
    private void scan(ChatEngine current) {
        Set<String> unknown = new LinkedHashSet<>();
        for (OpenChat open : current.agents().open()) {
            for (Watcher watcher : watchers.values()) {
                if (watcher.missing(open)) {
                    unknown.add(open.chatId());
                }
            }
            if (unknown.size() >= SCAN_READS) {
                break;
            }
        }
        for (String chatId : unknown) {
            load(current, chatId).ifPresent(chat -> watchers.values().forEach(w -> w.offer(chat)));
        }
    }

    private void execute(Runnable work) {
        try {
            workers.executor().execute(() -> {
                try {
                    work.run();
                } catch (RuntimeException e) {
                    LOG.debug("Agent channel work failed: {}", e.toString());
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.debug("Agent channel work dropped (queue full): the poll catches up");
        }
    }

    private static java.util.Optional<StoredChat> load(ChatEngine current, String chatId) {
        try {
            return java.util.Optional.of(current.agents().chat(chatId));
        } catch (RuntimeException e) {
            return java.util.Optional.empty();
        }
    }

    /** One watching session: the chats announced to it as waiting and those it serves, with the next index. */
    private final class Watcher {

        final ChatEngine engine;
        final ServerSession session;
        final Caller caller;
        volatile boolean closed;
        private final Queue<StoredChat> inbox = new ConcurrentLinkedQueue<>();
        private final Coalescing wakeUps = new Coalescing(this::drain);
        private final Set<String> announced = ConcurrentHashMap.newKeySet();
        private final Map<String, Served> served = new ConcurrentHashMap<>();
        private volatile boolean polling;
        /** The last version of each chat decided on, so that an older row read late changes nothing. */
        private final Map<String, Integer> versions = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Integer> eldest) {
                return size() > VERSIONS_KEPT;
            }
        };

        Watcher(ChatEngine engine, ServerSession session, Caller caller) {
            this.engine = engine;
            this.session = session;
            this.caller = caller;
        }

        void offer(StoredChat chat) {
            if (!closed) {
                inbox.add(chat);
                wakeUps.wake(workers.executor());
            }
        }

        void poll() {
            if (!closed) {
                polling = true;
                wakeUps.wake(workers.executor());
            }
        }

        /** Whether an open chat would be announced to this watcher, or served by it, and it does not know yet. */
        boolean missing(OpenChat open) {
            if (ChatEvents.WAITING.equals(open.state())) {
                return AgentDesk.serves(caller::serves, open.queue()) && !announced.contains(open.chatId());
            }
            return ChatEvents.ACTIVE.equals(open.state()) && open.agent().equals(caller.name())
                    && !served.containsKey(open.chatId());
        }

        private synchronized void drain() {
            if (closed) {
                return;
            }
            Set<String> dirty = new LinkedHashSet<>();
            StoredChat chat;
            while ((chat = inbox.poll()) != null) {
                if (decide(chat)) {
                    dirty.add(chat.chatId());
                }
            }
            if (polling) {
                polling = false;
                dirty.addAll(served.keySet());
            }
            for (String chatId : dirty) {
                Served one = served.get(chatId);
                if (one != null) {
                    pump(one);
                }
            }
        }

        /** Announces a chat that now waits in one of the agent's queues; true when the agent serves it. */
        private boolean decide(StoredChat chat) {
            String chatId = chat.chatId();
            Integer seen = versions.get(chatId);
            if (seen != null && seen > chat.version()) {
                return served.containsKey(chatId);
            }
            versions.put(chatId, chat.version());
            boolean waiting = ChatEvents.WAITING.equals(chat.state()) && AgentDesk.serves(caller::serves,
                    chat.queue());
            if (!waiting) {
                if (announced.remove(chatId)) {
                    // accepted (by this agent or another), transferred out of its queues, or ended
                    workers.deliver(session, CHANNEL, Map.of("type", "dequeued", "chat", ChatAnswers.agentChat(chat)));
                }
            } else if (announced.add(chatId)) {
                workers.deliver(session, CHANNEL, Map.of("type", "waiting", "chat", ChatAnswers.agentChat(chat)));
            }
            Served one = served.get(chatId);
            boolean serving = ChatEvents.ACTIVE.equals(chat.state()) && chat.agent().equals(caller.name());
            if (serving) {
                if (one == null) {
                    served.put(chatId, new Served(chatId));
                } else {
                    one.leftAt = 0;
                }
                return true;
            }
            if (one != null) {
                one.ended |= chat.ended();
                if (one.leftAt == 0) {
                    one.leftAt = System.nanoTime();
                }
                return true;
            }
            return false;
        }

        /** Delivers the served chat's events from its next index. */
        private void pump(Served one) {
            List<StoredChatEvent> events;
            try {
                events = CometMessages.contiguous(engine.events(one.chatId, one.next, BATCH), one.next);
            } catch (RuntimeException e) {
                LOG.debug("Transcript of chat {} not read for agent {}: {}", one.chatId, caller.name(), e.toString());
                return;
            }
            for (StoredChatEvent event : events) {
                Map<String, Object> message = new HashMap<>();
                message.put("type", "event");
                message.put("chatId", one.chatId);
                message.put("event", ChatAnswers.event(event));
                workers.deliver(session, CHANNEL, message);
                one.next = event.index() + 1;
                if (one.leftAt != 0 && !one.ended && isOwnDeparture(event)) {
                    // transferred: the agent's own departure is the last event it gets of this chat
                    served.remove(one.chatId);
                    return;
                }
            }
            if (one.leftAt != 0 && (one.ended ? System.nanoTime() - one.leftAt > ENDED_GRACE_NANOS
                    : events.isEmpty() && System.nanoTime() - one.leftAt > ENDED_GRACE_NANOS)) {
                served.remove(one.chatId);
            } else if (events.size() == BATCH) {
                polling = true;
                wakeUps.wake(workers.executor());
            }
        }

        private boolean isOwnDeparture(StoredChatEvent event) {
            return event.type().equals(ChatEvents.PARTICIPANT_LEFT) && event.participantType().equals(
                    ChatEvents.AGENT) && event.nickname().equals(caller.name());
        }
    }

    /** A chat a watcher serves. */
    private static final class Served {

        final String chatId;
        int next = 1;
        /** When the chat stopped being the agent's (nanoTime), 0 while it is. */
        long leftAt;
        boolean ended;

        Served(String chatId) {
            this.chatId = chatId;
        }
    }
}
