package org.gms.chat.engine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.gms.chat.api.ChatEvents;
import org.gms.storage.chat.ChatRepository;
import org.gms.storage.chat.OpenChat;
import org.gms.storage.chat.StoredChat;

/**
 * The chats not ended, as the queues, the limit of open chats and the waiting estimates see them. The count and the
 * queue positions of new chats come from a listing read at most once a second, with the chats this node opened
 * since added to it (so a node opening chats in a burst reads the listing once a second, not once per chat; chats
 * accepted or ended elsewhere within that second still count); waits of accepted chats give the estimate. The
 * agent desk reads the listing fresh ({@link #all}).
 */
final class OpenChats {

    private static final Duration COUNT_AGE = Duration.ofSeconds(1);
    private static final int WAITS_KEPT = 50;

    /** A chat's place in its queue, from 1, and the estimated wait when accepted chats give one. */
    record Position(int position, Optional<Duration> estimatedWait) {
    }

    private final ChatRepository repository;
    private final Clock clock;
    private final Deque<Long> waits = new ArrayDeque<>();
    private final List<OpenChat> addedSince = new ArrayList<>();
    private Instant countedAt = Instant.EPOCH;
    private List<OpenChat> listed = List.of();
    private int count;

    OpenChats(ChatRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    List<OpenChat> all() {
        return repository.open();
    }

    synchronized int count() {
        refresh();
        return count;
    }

    private void refresh() {
        Instant now = clock.instant();
        if (Duration.between(countedAt, now).compareTo(COUNT_AGE) >= 0 || now.isBefore(countedAt)) {
            listed = repository.open();
            count = listed.size();
            addedSince.clear();
            countedAt = now;
        }
    }

    /** This node opened the chat (it waits in its queue unless a bot holds it). */
    synchronized void added(StoredChat chat) {
        count++;
        if (addedSince.size() < ChatRepository.MAX_OPEN) {
            addedSince.add(new OpenChat(chat.chatId(), chat.service(), chat.state(), chat.queue(), chat.agent(),
                    chat.nickname(), chat.subject(), chat.createdAt()));
        }
    }

    synchronized void removed() {
        count = Math.max(0, count - 1);
    }

    /** A new chat's place in its queue: 1 + the chats waiting there that came before it. */
    Position position(StoredChat chat) {
        Comparator<OpenChat> order = Comparator.comparing(OpenChat::createdAt).thenComparing(OpenChat::chatId);
        OpenChat self = new OpenChat(chat.chatId(), chat.service(), chat.state(), chat.queue(), chat.agent(),
                chat.nickname(), chat.subject(), chat.createdAt());
        Set<String> ahead = new HashSet<>();
        Optional<Duration> estimate;
        synchronized (this) {
            refresh();
            for (List<OpenChat> known : List.of(listed, addedSince)) {
                for (OpenChat other : known) {
                    if (ChatEvents.WAITING.equals(other.state()) && other.queue().equals(chat.queue())
                            && !other.chatId().equals(chat.chatId()) && order.compare(other, self) < 0) {
                        ahead.add(other.chatId());
                    }
                }
            }
            estimate = waits.isEmpty() ? Optional.empty() : Optional.of(Duration.ofMillis(
                    (long) waits.stream().mapToLong(Long::longValue).average().orElse(0)));
        }
        return new Position(ahead.size() + 1, estimate);
    }

    /** An agent accepted a chat that waited {@code waited}. */
    synchronized void accepted(Duration waited) {
        waits.addLast(waited.toMillis());
        while (waits.size() > WAITS_KEPT) {
            waits.removeFirst();
        }
    }

    /** Chats per state (the open ones as listed now, and those ended today, UTC) and the open ones per queue. */
    Map<String, Object> stats() {
        Map<String, Integer> states = openStates();
        Map<String, Map<String, Integer>> queues = new java.util.TreeMap<>();
        for (OpenChat chat : all()) {
            states.merge(chat.state(), 1, Integer::sum);
            queues.computeIfAbsent(chat.queue(), queue -> openStates()).merge(chat.state(), 1, Integer::sum);
        }
        states.put(ChatEvents.ENDED, repository.endedOn(clock.instant(), 1_000_000));
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("states", states);
        stats.put("queues", queues);
        stats.put("endedSince", clock.instant().truncatedTo(java.time.temporal.ChronoUnit.DAYS).toString());
        return stats;
    }

    private static Map<String, Integer> openStates() {
        Map<String, Integer> states = new LinkedHashMap<>();
        for (String state : List.of(ChatEvents.BOT, ChatEvents.WAITING, ChatEvents.ACTIVE)) {
            states.put(state, 0);
        }
        return states;
    }
}
