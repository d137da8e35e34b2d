package org.gms.chat;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.gms.chat.api.ChatListener;
import org.gms.chat.api.ChatNodes;
import org.gms.chat.bot.BotClient;
import org.gms.chat.config.ChatSettings;
import org.gms.chat.engine.ChatEngine;
import org.gms.chat.web.ChatAnswers;
import org.gms.chat.web.ChatRoutes;
import org.gms.core.error.ServiceUnavailableException;
import org.gms.core.feature.Feature;
import org.gms.core.feature.Routes;
import org.gms.core.http.Responses;
import org.gms.storage.cassandra.CassandraStorage;
import org.gms.storage.chat.ChatFileRepository;
import org.gms.storage.chat.ChatRepository;
import org.gms.storage.chat.StoredChat;
import org.gms.storage.chat.StoredChatEvent;
import org.gms.storage.cluster.job.JobScheduler;

/**
 * The chat service: Chat API v2 over REST (and CometD, through the listeners gms-server adds), the agent and admin
 * chat APIs, and the chat engine with its timers on the job engine.
 */
public final class ChatFeature extends Feature {

    private final CassandraStorage storage;
    private final JobScheduler jobs;
    private final Supplier<ChatSettings> settings;
    private final Clock clock;
    private final Responses responses;
    private final ChatAnswers answers;
    private final List<ChatListener> listeners = new ArrayList<>();
    private ChatNodes nodes = ChatNodes.ALONE;
    private volatile ChatEngine engine;

    /** @param alias the {@code alias} of every v2 answer: this node's id */
    public ChatFeature(CassandraStorage storage, JobScheduler jobs, Supplier<ChatSettings> settings, Clock clock,
                       Responses responses, String alias) {
        super("chat service");
        this.storage = storage;
        this.jobs = jobs;
        this.settings = settings;
        this.clock = clock;
        this.responses = responses;
        this.answers = new ChatAnswers(alias);
    }

    /** Adds a listener of every stored event; call before start. */
    public ChatFeature listener(ChatListener listener) {
        listeners.add(listener);
        return this;
    }

    /** Sets how the other nodes are woken; call before start. */
    public ChatFeature nodes(ChatNodes nodes) {
        this.nodes = nodes;
        return this;
    }

    public ChatAnswers answers() {
        return answers;
    }

    @Override
    public void mount(Routes routes) {
        ChatRoutes.mount(routes, responses, this::running, answers);
    }

    @Override
    protected void doStart() throws Exception {
        List<ChatListener> all = List.copyOf(listeners);
        ChatListener fanOut = new ChatListener() {
            @Override
            public void stored(StoredChat chat, StoredChatEvent event) {
                all.forEach(listener -> listener.stored(chat, event));
            }

            @Override
            public void woken(String chatId) {
                all.forEach(listener -> listener.woken(chatId));
            }
        };
        ChatEngine built = new ChatEngine(settings, new ChatRepository(storage.cql(), storage.settings().keyspace()),
                jobs, fanOut, nodes, clock, new BotClient(),
                new ChatFileRepository(storage.cql(), storage.settings().keyspace()));
        built.registerJobs(jobs);
        engine = built;
        super.doStart();
    }

    /** The engine; 503 while the feature is not started. */
    public ChatEngine running() {
        ChatEngine current = engine;
        if (current == null || !isStarted()) {
            throw new ServiceUnavailableException("The chat service is not started");
        }
        return current;
    }

    /** The engine once built (during start too), or null. */
    public ChatEngine engine() {
        return engine;
    }
}
