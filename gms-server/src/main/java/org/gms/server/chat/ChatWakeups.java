package org.gms.server.chat;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.gms.chat.ChatFeature;
import org.gms.chat.api.ChatNodes;
import org.gms.core.http.Json;
import org.gms.server.cluster.Cluster;
import org.gms.storage.cluster.NodeRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the other nodes of new chat events at once, over the internal API ({@code chat-wake}), so the CometD sessions
 * they hold get them without waiting for their transcript poll. A wake-up that cannot be sent (a node down, the
 * queue full) is dropped: the receiving node's poll still delivers the events.
 */
public final class ChatWakeups extends AbstractLifeCycle implements ChatNodes {

    static final String OPERATION = "chat-wake";
    private static final Logger LOG = LoggerFactory.getLogger(ChatWakeups.class);

    private final Cluster cluster;
    private final int nodeId;
    private ThreadPoolExecutor senders;

    public ChatWakeups(Cluster cluster, int nodeId, ChatFeature chat) {
        this.cluster = cluster;
        this.nodeId = nodeId;
        cluster.internal().register(OPERATION, request -> {
            String chatId = Json.MAPPER.readTree(request.getInputStream()).path("chatId").asText("");
            if (!chatId.isEmpty() && chat.isStarted()) {
                chat.running().woken(chatId);
            }
            return Map.of("woken", chatId);
        });
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
        for (NodeRecord node : cluster.members().values()) {
            if (node.nodeId() == nodeId) {
                continue;
            }
            try {
                current.execute(() -> send(node, chatId));
            } catch (RejectedExecutionException e) {
                LOG.debug("Chat wake-up of node {} dropped (queue full): its poll delivers chat {}", node.nodeId(),
                        chatId);
            }
        }
    }

    private void send(NodeRecord node, String chatId) {
        try {
            cluster.client().post(URI.create(node.url()), OPERATION, Json.MAPPER.writeValueAsString(
                    Map.of("chatId", chatId)));
        } catch (Exception e) {
            LOG.debug("Chat wake-up of node {} failed: {}", node.nodeId(), e.toString());
        }
    }
}
