package org.gms.chat.engine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gms.chat.api.ChatEvents;
import org.gms.storage.chat.ChatRepository;
import org.gms.storage.chat.OpenChat;
import org.gms.storage.chat.StoredChat;

/**
 * The chats not ended, as the queues, the limit of open chats and the waiting estimates see them. The count is
 * read at most once a second and adjusted locally in between; waits of accepted chats give the estimate.
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
    private Instant countedAt = Instant.EPOCH;
    private int count;

    OpenChats(ChatRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    List<OpenChat> all() {
        return repository.open();
    }

    synchronized int count() {
        Instant now = clock.instant();
        if (Duration.between(countedAt, now).compareTo(COUNT_AGE) >= 0) {
            count = repository.open().size();
            countedAt = now;
        }
        return count;
    }

    synchronized void added() {
        count++;
    }

    synchronized void removed() {
        count = Math.max(0, count - 1);
    }

    /** The chats waiting in a queue, first come first served. */
    List<OpenChat> waiting(String queue) {
        return repository.open().stream()
                .filter(chat -> ChatEvents.WAITING.equals(chat.state()) && chat.queue().equals(queue))
                .sorted(Comparator.comparing(OpenChat::createdAt).thenComparing(OpenChat::chatId))
                .toList();
    }

    Position position(StoredChat chat) {
        List<OpenChat> waiting = waiting(chat.queue());
        int position = 1;
        for (OpenChat other : waiting) {
            if (other.chatId().equals(chat.chatId())) {
                break;
            }
            position++;
        }
        position = Math.min(position, waiting.size() + 1);
        Optional<Duration> estimate;
        synchronized (this) {
            estimate = waits.isEmpty() ? Optional.empty() : Optional.of(Duration.ofMillis(
                    (long) waits.stream().mapToLong(Long::longValue).average().orElse(0)));
        }
        return new Position(position, estimate);
    }

    /** An agent accepted a chat that waited {@code waited}. */
    synchronized void accepted(Duration waited) {
        waits.addLast(waited.toMillis());
        while (waits.size() > WAITS_KEPT) {
            waits.removeFirst();
        }
    }

    /** Chats per state: the open ones as listed now, and those ended today (UTC). */
    Map<String, Object> stats() {
        Map<String, Integer> states = new LinkedHashMap<>();
        for (String state : List.of(ChatEvents.BOT, ChatEvents.WAITING, ChatEvents.ACTIVE)) {
            states.put(state, 0);
        }
        for (OpenChat chat : all()) {
            states.merge(chat.state(), 1, Integer::sum);
        }
        states.put(ChatEvents.ENDED, repository.endedOn(clock.instant(), 1_000_000));
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("states", states);
        stats.put("endedSince", clock.instant().truncatedTo(java.time.temporal.ChronoUnit.DAYS).toString());
        return stats;
    }
}
