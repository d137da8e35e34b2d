package org.gms.chat.cluster;

import java.net.URI;
import java.util.Collection;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.gms.chat.api.ChatNodes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the other nodes of new chat events at once, over the internal API ({@code chat-wake}), so the CometD sessions
 * they hold get them without waiting for their transcript poll. A wake-up that cannot be sent (a node down, the
 * queue full) is dropped: the receiving node's poll still delivers the events.
 */
public final class ChatWakeups extends AbstractLifeCycle implements ChatNodes {

    /** The internal operation a node serves to be woken: {@code {"chatId":"<id>"}}. */
    public static final String OPERATION = "chat-wake";
    private static final Logger LOG = LoggerFactory.getLogger(ChatWakeups.class);

    private final Supplier<Collection<URI>> others;
    private final BiConsumer<URI, String> send;
    private ThreadPoolExecutor senders;

    /**
     * @param others the URLs of the other live nodes
     * @param send   posts {@link #OPERATION} for a chat id to a node (the cluster's authenticated internal call)
     */
    public ChatWakeups(Supplier<Collection<URI>> others, BiConsumer<URI, String> send) {
        this.others = others;
        this.send = send;
    }

    @Override
    protected void doStart() {
        senders = new ThreadPoolExecutor(2, 2, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(10_000), runnable -> {
            Thread thread = new Thread(runnable, "chat-wake");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    protected void doStop() throws Exception {
        senders.shutdown();
        senders.awaitTermination(5, TimeUnit.SECONDS);
    }

    @Override
    public void broadcast(String chatId) {
        ThreadPoolExecutor current = senders;
        if (current == null || current.isShutdown()) {
            return;
        }
        for (URI node : others.get()) {
            try {
                current.execute(() -> {
                    try {
                        send.accept(node, chatId);
                    } catch (RuntimeException e) {
                        LOG.debug("Chat wake-up of node {} failed: {}", node, e.toString());
                    }
                });
            } catch (RejectedExecutionException e) {
                LOG.debug("Chat wake-up of node {} dropped (queue full): its poll delivers chat {}", node, chatId);
            }
        }
    }
}
