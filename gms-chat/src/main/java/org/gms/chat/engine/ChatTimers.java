package org.gms.chat.engine;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.gms.chat.api.ChatEvents;
import org.gms.chat.bot.BotClient;
import org.gms.chat.config.ChatServiceOptions;
import org.gms.storage.chat.StoredChat;
import org.gms.storage.chat.StoredChatEvent;
import org.gms.storage.cluster.job.Job;
import org.gms.storage.cluster.job.JobHandler;
import org.gms.storage.cluster.job.JobScheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The chat work due at a time, as jobs of the cluster's job engine, so that a node's death moves them to another
 * node: the idle customer ({@code _client_timeout}: {@code IdleAlert}, then {@code IdleClose}), the chat nobody
 * accepts ({@code chat_session_request_timeout}) and the bot's answers ({@code _bot_webhook}). Each handler reads the
 * chat again and acts only if what it was scheduled for still holds.
 */
final class ChatTimers {

    static final String IDLE = "chat-idle";
    static final String WAIT = "chat-wait";
    static final String BOT = "chat-bot";
    private static final Logger LOG = LoggerFactory.getLogger(ChatTimers.class);

    private final ChatEngine engine;
    private final JobScheduler jobs;
    private final BotClient bot;
    private final Clock clock;

    ChatTimers(ChatEngine engine, JobScheduler jobs, BotClient bot, Clock clock) {
        this.engine = engine;
        this.jobs = jobs;
        this.bot = bot;
        this.clock = clock;
    }

    void register(JobScheduler scheduler) {
        // a second run checks the chat again and finds nothing to do
        scheduler.register(IDLE, JobHandler.idempotent(this::idle));
        scheduler.register(WAIT, JobHandler.idempotent(this::waited));
        scheduler.register(BOT, this::answer);
    }

    void chatStarted(StoredChat chat, ChatServiceOptions options) {
        scheduleIdle(chat.chatId(), clock.instant().plus(options.clientTimeout())
                .minus(options.clientTimeoutNotification()));
    }

    void queued(StoredChat chat, ChatServiceOptions options) {
        long since = ChatMeta.parse(chat.participants()).waitingSince();
        Instant due = Instant.ofEpochMilli(since).plus(options.requestTimeout());
        jobs.schedule(WAIT, chat.chatId() + ":wait:" + since, due, chat.chatId() + "|" + since);
    }

    void askBot(StoredChat chat, int index) {
        jobs.schedule(BOT, chat.chatId() + ":bot:" + index, clock.instant(), chat.chatId() + "|" + index);
    }

    private void scheduleIdle(String chatId, Instant due) {
        jobs.schedule(IDLE, chatId + ":idle:" + due.toEpochMilli(), due, chatId);
    }

    /** Warns the idle customer, later closes the chat; a customer who spoke since moves the timer. */
    private void idle(Job job) {
        Optional<StoredChat> found = engine.load(job.payload());
        if (found.isEmpty() || found.get().ended()) {
            return;
        }
        StoredChat chat = found.get();
        ChatServiceOptions options = engine.options(chat.service());
        Instant last = engine.repository().customerAt(chat.chatId()).orElse(chat.createdAt());
        Instant alertAt = last.plus(options.clientTimeout()).minus(options.clientTimeoutNotification());
        Instant closeAt = last.plus(options.clientTimeout());
        Instant now = clock.instant();
        if (now.isBefore(alertAt)) {
            scheduleIdle(chat.chatId(), alertAt);
        } else if (now.isBefore(closeAt)) {
            if (!alerted(chat, last)) {
                Map<String, String> data = Map.of("idle-close-in",
                        Long.toString(Duration.between(now, closeAt).toSeconds()));
                engine.append(chat, engine.notice(chat, ChatEvents.IDLE_ALERT,
                        "The chat will close in " + Duration.between(now, closeAt).toSeconds()
                                + " s unless you reply", data));
            }
            scheduleIdle(chat.chatId(), closeAt);
        } else {
            LOG.info("Chat {} closed: the customer was idle for {} s", chat.chatId(),
                    options.clientTimeout().toSeconds());
            engine.end(chat, 0, engine.notice(chat, ChatEvents.IDLE_CLOSE, "The chat was closed for inactivity",
                    Map.of()));
        }
    }

    /** Whether an {@code IdleAlert} was posted after the customer's last activity (a job run twice posts one). */
    private boolean alerted(StoredChat chat, Instant lastActivity) {
        int last = engine.lastIndex(chat.chatId());
        for (StoredChatEvent event : engine.events(chat.chatId(), Math.max(1, last - 49), 50)) {
            if (ChatEvents.IDLE_ALERT.equals(event.type()) && event.time().isAfter(lastActivity)) {
                return true;
            }
        }
        return false;
    }

    /** Ends a chat that still waits since the same moment once its request timeout passed. */
    private void waited(Job job) {
        String[] parts = job.payload().split("\\|");
        Optional<StoredChat> found = engine.load(parts[0]);
        if (found.isEmpty() || !ChatEvents.WAITING.equals(found.get().state())) {
            return;
        }
        StoredChat chat = found.get();
        if (ChatMeta.parse(chat.participants()).waitingSince() != Long.parseLong(parts[1])) {
            return;
        }
        LOG.info("Chat {} ended: no agent accepted it within {} ms", chat.chatId(),
                engine.options(chat.service()).requestTimeout().toMillis());
        engine.end(chat, 0, engine.notice(chat, ChatEvents.NOTICE,
                "No agent is available now; please try again later", Map.of("reason", "request-timeout")));
    }

    /** Asks the bot about one customer message and posts its answer. */
    private void answer(Job job) {
        String[] parts = job.payload().split("\\|");
        Optional<StoredChat> found = engine.load(parts[0]);
        if (found.isEmpty() || !ChatEvents.BOT.equals(found.get().state())) {
            return;
        }
        StoredChat chat = found.get();
        int index = Integer.parseInt(parts[1]);
        ChatServiceOptions options = engine.options(chat.service());
        StoredChatEvent message = engine.events(chat.chatId(), index, 1).stream().findFirst().orElse(null);
        if (message == null) {
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("chatId", chat.chatId());
        body.put("service", chat.service());
        body.put("index", index);
        body.put("message", message.text());
        body.put("messageType", message.messageType());
        body.put("nickname", chat.nickname());
        body.put("subject", chat.subject());
        body.put("userData", chat.userData());
        ChatMeta.Participant from = ChatMeta.parse(chat.participants()).bot().orElse(null);
        if (from == null) {
            return;
        }
        BotClient.Answer answer;
        try {
            answer = bot.ask(options.botWebhook(), body, options.botTimeout());
        } catch (IOException e) {
            LOG.warn("Bot of chat service {} failed ({}): chat {} goes to the agent queue", chat.service(),
                    e.getMessage(), chat.chatId());
            answer = new BotClient.Answer(java.util.List.of(), true, false);
        }
        for (String text : answer.messages()) {
            engine.append(chat, engine.event(chat, ChatEvents.MESSAGE, from, text, "", Map.of()));
        }
        if (answer.end()) {
            engine.end(chat, from.id(), null);
        } else if (answer.transfer()) {
            toQueue(chat, from);
        }
    }

    /** The bot hands the chat over: it leaves, the chat waits in its queue. */
    private void toQueue(StoredChat chat, ChatMeta.Participant botParticipant) {
        long now = clock.millis();
        StoredChat waiting = engine.mutate(chat.chatId(), c -> ChatEvents.BOT.equals(c.state())
                ? c.next(ChatEvents.WAITING, c.queue(), "", c.nickname(), c.userData(),
                        ChatMeta.parse(c.participants()).leave(botParticipant.id()).waiting(now).json(),
                        clock.instant())
                : c);
        if (!ChatEvents.WAITING.equals(waiting.state())
                || ChatMeta.parse(waiting.participants()).waitingSince() != now) {
            return;
        }
        engine.append(waiting, engine.event(waiting, ChatEvents.PARTICIPANT_LEFT, botParticipant, "", "", Map.of()));
        queued(waiting, engine.options(waiting.service()));
        engine.noticePosition(waiting);
    }
}
