package org.gms.storage.chat;

import com.datastax.oss.driver.api.core.cql.AsyncResultSet;
import com.datastax.oss.driver.api.core.cql.Row;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.gms.storage.cassandra.CassandraErrors;
import org.gms.storage.cassandra.Cql;

/**
 * Chats in Cassandra: the chat row, its transcript and the open-chat hints. A chat changes only by compare-and-set
 * on its version, so two nodes never both accept it; a transcript index is taken by a lightweight transaction, so
 * the transcript is dense (1, 2, 3…) and no index holds two events, however many nodes write to the chat.
 */
public final class ChatRepository {

    /** At most this many open chats are read for a queue view. */
    public static final int MAX_OPEN = 20_000;

    private final ChatDao dao;

    public ChatRepository(Cql cql, String keyspace) {
        this.dao = new ChatDao(cql, keyspace);
    }

    /** Writes a new chat and its open-chat row in one logged batch. */
    public void create(StoredChat chat, int ttlSeconds) {
        dao.executeLogged(List.of(dao.insertChat(chat, ttlSeconds), dao.insertOpen(chat, ttlSeconds)));
    }

    public Optional<StoredChat> find(String chatId) {
        return findAsync(chatId).join();
    }

    public CompletableFuture<Optional<StoredChat>> findAsync(String chatId) {
        return dao.findChat(chatId).toCompletableFuture()
                .thenApply(result -> Optional.ofNullable(result.one()).map(ChatDao::toChat));
    }

    /**
     * Replaces {@code previous} by {@code next} (the next version) if nobody changed it since it was read, then
     * moves its open-chat row: rewritten while open, removed (and the chat counted as ended) once ended.
     *
     * @return false when another change came first: read it again
     */
    public boolean replace(StoredChat previous, StoredChat next, int ttlSeconds) {
        if (next.version() != previous.version() + 1 || !next.chatId().equals(previous.chatId())) {
            throw new IllegalArgumentException("a replacement has the same id and the next version");
        }
        if (!dao.replaceChat(next, previous.version(), ttlSeconds)) {
            return false;
        }
        boolean listed = !previous.state().equals(next.state()) || !previous.agent().equals(next.agent())
                || !previous.queue().equals(next.queue()) || !previous.nickname().equals(next.nickname());
        if (next.ended()) {
            if (!previous.ended()) {
                dao.executeLogged(List.of(dao.deleteOpen(next.chatId()), dao.insertEnded(next, ttlSeconds)));
            }
        } else if (listed) {
            dao.execute(dao.insertOpen(next, ttlSeconds));
        }
        return true;
    }

    /**
     * Stores an event at its index if that index is free.
     *
     * @return false when another event holds that index: take the next one
     */
    public boolean append(StoredChatEvent event, int ttlSeconds) {
        return appendAsync(event, ttlSeconds).join();
    }

    public CompletableFuture<Boolean> appendAsync(StoredChatEvent event, int ttlSeconds) {
        if (event.index() < 1) {
            throw new IllegalArgumentException("transcript indexes start at 1");
        }
        return dao.insertEvent(event, ttlSeconds).toCompletableFuture().thenApply(AsyncResultSet::wasApplied)
                .exceptionally(error -> {
                    throw CassandraErrors.translate(error);
                });
    }

    /** The highest index taken in the chat's transcript, 0 when it has none. */
    public int lastIndex(String chatId) {
        return dao.lastIndex(chatId);
    }

    /** Events from index {@code first} on, in index order, at most {@code limit}. */
    public List<StoredChatEvent> events(String chatId, int first, int limit) {
        return dao.events(chatId, Math.max(1, first), limit);
    }

    /** The chats not ended, as listed (hints: check a chat against its row before acting on it). */
    public List<OpenChat> open() {
        List<CompletableFuture<AsyncResultSet>> reads = new ArrayList<>();
        for (int shard = 0; shard < ChatTables.OPEN_SHARDS; shard++) {
            reads.add(dao.open(shard, MAX_OPEN).toCompletableFuture());
        }
        List<OpenChat> open = new ArrayList<>();
        for (CompletableFuture<AsyncResultSet> read : reads) {
            collect(read.join(), open);
        }
        return open;
    }

    private static void collect(AsyncResultSet page, List<OpenChat> into) {
        AsyncResultSet current = page;
        while (true) {
            for (Row row : current.currentPage()) {
                into.add(ChatDao.toOpen(row));
            }
            if (!current.hasMorePages() || into.size() >= MAX_OPEN) {
                return;
            }
            current = current.fetchNextPage().toCompletableFuture().join();
        }
    }

    /** Records the customer's last activity (a plain write, beside the compare-and-set of the chat row). */
    public CompletableFuture<Void> touch(String chatId, Instant at, int ttlSeconds) {
        return dao.touch(chatId, at, ttlSeconds).toCompletableFuture().thenApply(result -> null);
    }

    /** The customer's last recorded activity, if any. */
    public Optional<Instant> customerAt(String chatId) {
        return Optional.ofNullable(dao.customerAt(chatId));
    }

    /** How many chats ended on the UTC day of {@code time} (at most {@code limit} counted). */
    public int endedOn(Instant time, int limit) {
        return dao.endedCount(ChatDao.day(time), limit);
    }
}
