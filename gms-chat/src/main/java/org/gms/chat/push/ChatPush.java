package org.gms.chat.push;

import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.gms.chat.api.ChatEvents;
import org.gms.chat.api.ChatListener;
import org.gms.chat.config.ChatServiceOptions;
import org.gms.core.http.Json;
import org.gms.push.api.PublishRequest;
import org.gms.push.api.SubscribeRequest;
import org.gms.push.engine.NotificationService;
import org.gms.storage.chat.StoredChat;
import org.gms.storage.chat.StoredChatEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Mobile push of chat events: a chat whose user data names a device ({@code push_notification_deviceid},
 * {@code push_notification_type}, optionally {@code _provider}, {@code _debug}, {@code _language}) has that device
 * subscribed to the tag {@code chat.<chatId>} when it starts, and every event of the other participants (agent,
 * bot, system) is published there while no CometD session of the chat is attached on this node
 * ({@code push_notification_to_active_client=true}: always). The push engine formats it with the
 * {@code [push.provider.event.chat]} sections. Work runs on one bounded worker; beyond its queue a push is dropped and
 * logged (the transcript keeps the event).
 */
public final class ChatPush extends AbstractLifeCycle implements ChatListener {

    public static final String DEVICE = "push_notification_deviceid";
    public static final String TYPE = "push_notification_type";
    private static final Logger LOG = LoggerFactory.getLogger(ChatPush.class);
    private static final int SUBSCRIPTION_SECONDS = 86_400;

    private final Supplier<NotificationService> notifications;
    private final Function<String, ChatServiceOptions> options;
    private final Predicate<String> attached;
    private ThreadPoolExecutor worker;

    /** @param attached whether a CometD session of this node is attached to the chat */
    public ChatPush(Supplier<NotificationService> notifications, Function<String, ChatServiceOptions> options,
                    Predicate<String> attached) {
        this.notifications = notifications;
        this.options = options;
        this.attached = attached;
    }

    public static String tag(String chatId) {
        return "chat." + chatId;
    }

    @Override
    public void stored(StoredChat chat, StoredChatEvent event) {
        String device = chat.userData().getOrDefault(DEVICE, "");
        String type = chat.userData().getOrDefault(TYPE, "");
        if (device.isBlank() || type.isBlank()) {
            return;
        }
        if (event.index() == 1) {
            run(chat, () -> notifications.get().subscribe(new SubscribeRequest("", "chat." + chat.service(),
                    chat.userData().getOrDefault("push_notification_provider", ""), device, type,
                    Map.of("language", chat.userData().getOrDefault("push_notification_language", ""),
                            "debug", chat.userData().getOrDefault("push_notification_debug", "false")),
                    "", SUBSCRIPTION_SECONDS, tag(chat.chatId()))));
            return;
        }
        if (ChatEvents.CLIENT.equals(event.participantType()) || !ChatEvents.PUSHED.contains(event.type())) {
            return;
        }
        if (attached.test(chat.chatId()) && !options.apply(chat.service()).pushToActiveClient()) {
            return;
        }
        Map<String, Object> body = Map.of("chatId", chat.chatId(), "event", org.gms.chat.web.ChatAnswers.event(event));
        String message = event.text().isEmpty() ? event.type() : event.text();
        run(chat, () -> notifications.get().publish(new PublishRequest(tag(chat.chatId()), message,
                PublishRequest.STRING, Map.of("chatId", chat.chatId(), "eventType", event.type(),
                        "index", Integer.toString(event.index()), "event", new String(Json.bytes(body),
                                java.nio.charset.StandardCharsets.UTF_8)))));
    }

    private void run(StoredChat chat, Runnable work) {
        ThreadPoolExecutor current = worker;
        try {
            if (current == null) {
                throw new RejectedExecutionException("not started");
            }
            current.execute(() -> {
                try {
                    work.run();
                } catch (RuntimeException e) {
                    LOG.warn("Chat {}: push to the customer's device failed: {}", chat.chatId(), e.getMessage());
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.warn("Chat {}: push to the customer's device dropped ({})", chat.chatId(), e.getMessage());
        }
    }

    @Override
    protected void doStart() {
        worker = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(10_000), runnable -> {
            Thread thread = new Thread(runnable, "chat-push");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    protected void doStop() throws InterruptedException {
        ThreadPoolExecutor current = worker;
        worker = null;
        if (current != null) {
            current.shutdown();
            current.awaitTermination(5, TimeUnit.SECONDS);
        }
    }
}
