package org.gms.storage.chat;

import static com.datastax.oss.driver.api.querybuilder.QueryBuilder.bindMarker;
import static com.datastax.oss.driver.api.querybuilder.QueryBuilder.deleteFrom;
import static com.datastax.oss.driver.api.querybuilder.QueryBuilder.insertInto;
import static com.datastax.oss.driver.api.querybuilder.QueryBuilder.selectFrom;
import static com.datastax.oss.driver.api.querybuilder.QueryBuilder.update;

import com.datastax.oss.driver.api.core.cql.AsyncResultSet;
import com.datastax.oss.driver.api.core.cql.BatchStatement;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.BoundStatementBuilder;
import com.datastax.oss.driver.api.core.cql.DefaultBatchType;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.metadata.schema.ClusteringOrder;
import com.datastax.oss.driver.api.querybuilder.relation.Relation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.gms.storage.cassandra.Cql;

/** CQL of the chat tables ({@link ChatTables}). */
final class ChatDao {

    private static final String[] CHAT_COLUMNS = {"service", "secure_key", "user_id", "state", "queue", "agent",
            "nickname", "subject", "email", "user_data", "participants", "created_at", "updated_at", "ended_at",
            "version"};
    private static final String[] EVENT_COLUMNS = {"type", "participant_id", "participant_type", "nickname", "text",
            "message_type", "time", "user_data"};

    private final Cql cql;
    private final PreparedStatement insertChat;
    private final PreparedStatement replaceChat;
    private final PreparedStatement selectChat;
    private final PreparedStatement touch;
    private final PreparedStatement selectTouch;
    private final PreparedStatement insertEvent;
    private final PreparedStatement selectEvents;
    private final PreparedStatement selectLastIndex;
    private final PreparedStatement insertOpen;
    private final PreparedStatement deleteOpen;
    private final PreparedStatement selectOpen;
    private final PreparedStatement insertEnded;
    private final PreparedStatement selectEnded;

    ChatDao(Cql cql, String keyspace) {
        this.cql = cql;
        var session = cql.session();
        var insert = insertInto(keyspace, ChatTables.CHAT).value("chat_id", bindMarker("chat_id"));
        for (String column : CHAT_COLUMNS) {
            insert = insert.value(column, bindMarker(column));
        }
        this.insertChat = session.prepare(insert.usingTtl(bindMarker("ttl")).build());
        var replace = update(keyspace, ChatTables.CHAT).usingTtl(bindMarker("ttl"))
                .setColumn("state", bindMarker("state"));
        for (String column : CHAT_COLUMNS) {
            if (!column.equals("state")) {
                replace = replace.setColumn(column, bindMarker(column));
            }
        }
        this.replaceChat = session.prepare(replace.whereColumn("chat_id").isEqualTo(bindMarker("chat_id"))
                .ifColumn("version").isEqualTo(bindMarker("expected")).build());
        this.selectChat = session.prepare(selectFrom(keyspace, ChatTables.CHAT).all()
                .whereColumn("chat_id").isEqualTo(bindMarker("chat_id")).build());
        this.touch = session.prepare(update(keyspace, ChatTables.CHAT).usingTtl(bindMarker("ttl"))
                .setColumn("customer_at", bindMarker("customer_at"))
                .whereColumn("chat_id").isEqualTo(bindMarker("chat_id")).build());
        this.selectTouch = session.prepare(selectFrom(keyspace, ChatTables.CHAT).column("customer_at")
                .whereColumn("chat_id").isEqualTo(bindMarker("chat_id")).build());
        var event = insertInto(keyspace, ChatTables.EVENT).value("chat_id", bindMarker("chat_id"))
                .value("idx", bindMarker("idx"));
        for (String column : EVENT_COLUMNS) {
            event = event.value(column, bindMarker(column));
        }
        this.insertEvent = session.prepare(event.ifNotExists().usingTtl(bindMarker("ttl")).build());
        this.selectEvents = session.prepare(selectFrom(keyspace, ChatTables.EVENT).all()
                .whereColumn("chat_id").isEqualTo(bindMarker("chat_id"))
                .whereColumn("idx").isGreaterThanOrEqualTo(bindMarker("first"))
                .limit(bindMarker("max_rows")).build());
        this.selectLastIndex = session.prepare(selectFrom(keyspace, ChatTables.EVENT).column("idx")
                .whereColumn("chat_id").isEqualTo(bindMarker("chat_id"))
                .orderBy("idx", ClusteringOrder.DESC)
                .limit(1).build());
        this.insertOpen = session.prepare(insertInto(keyspace, ChatTables.OPEN)
                .value("shard", bindMarker("shard")).value("chat_id", bindMarker("chat_id"))
                .value("service", bindMarker("service")).value("state", bindMarker("state"))
                .value("queue", bindMarker("queue")).value("agent", bindMarker("agent"))
                .value("nickname", bindMarker("nickname")).value("subject", bindMarker("subject"))
                .value("created_at", bindMarker("created_at")).usingTtl(bindMarker("ttl")).build());
        this.deleteOpen = session.prepare(deleteFrom(keyspace, ChatTables.OPEN)
                .where(Relation.column("shard").isEqualTo(bindMarker("shard")),
                        Relation.column("chat_id").isEqualTo(bindMarker("chat_id"))).build());
        this.selectOpen = session.prepare(selectFrom(keyspace, ChatTables.OPEN).all()
                .whereColumn("shard").isEqualTo(bindMarker("shard")).limit(bindMarker("max_rows")).build());
        this.insertEnded = session.prepare(insertInto(keyspace, ChatTables.ENDED)
                .value("day", bindMarker("day")).value("chat_id", bindMarker("chat_id"))
                .value("service", bindMarker("service")).usingTtl(bindMarker("ttl")).build());
        this.selectEnded = session.prepare(selectFrom(keyspace, ChatTables.ENDED).column("chat_id")
                .whereColumn("day").isEqualTo(bindMarker("day")).limit(bindMarker("max_rows")).build());
    }

    static int shard(String chatId) {
        return Math.floorMod(chatId.hashCode(), ChatTables.OPEN_SHARDS);
    }

    static long day(Instant time) {
        return Math.floorDiv(time.toEpochMilli(), 86_400_000L);
    }

    BoundStatement insertChat(StoredChat chat, int ttl) {
        return bindChat(insertChat.boundStatementBuilder(), chat).setInt("ttl", ttl).build();
    }

    boolean replaceChat(StoredChat chat, int expected, int ttl) {
        return cql.execute(bindChat(replaceChat.boundStatementBuilder(), chat).setInt("ttl", ttl)
                .setInt("expected", expected).build()).wasApplied();
    }

    CompletionStage<AsyncResultSet> findChat(String chatId) {
        return cql.executeAsync(selectChat.bind().setString("chat_id", chatId));
    }

    private static BoundStatementBuilder bindChat(BoundStatementBuilder builder, StoredChat chat) {
        return builder.setString("chat_id", chat.chatId())
                .setString("service", chat.service())
                .setString("secure_key", chat.secureKey())
                .setString("user_id", chat.userId())
                .setString("state", chat.state())
                .setString("queue", chat.queue())
                .setString("agent", chat.agent())
                .setString("nickname", chat.nickname())
                .setString("subject", chat.subject())
                .setString("email", chat.email())
                .setMap("user_data", chat.userData(), String.class, String.class)
                .setString("participants", chat.participants())
                .setInstant("created_at", chat.createdAt())
                .setInstant("updated_at", chat.updatedAt())
                .setInstant("ended_at", chat.endedAt())
                .setInt("version", chat.version());
    }

    static StoredChat toChat(Row row) {
        return new StoredChat(row.getString("chat_id"), row.getString("service"), row.getString("secure_key"),
                row.getString("user_id"), row.getString("state"), row.getString("queue"), row.getString("agent"),
                row.getString("nickname"), row.getString("subject"), row.getString("email"),
                row.getMap("user_data", String.class, String.class), row.getString("participants"),
                row.getInstant("created_at"), row.getInstant("updated_at"), row.getInstant("ended_at"),
                row.getInt("version"));
    }

    CompletionStage<AsyncResultSet> touch(String chatId, Instant at, int ttl) {
        return cql.executeAsync(touch.bind().setString("chat_id", chatId).setInstant("customer_at", at)
                .setInt("ttl", ttl));
    }

    Instant customerAt(String chatId) {
        Row row = cql.execute(selectTouch.bind().setString("chat_id", chatId)).one();
        return row == null ? null : row.getInstant("customer_at");
    }

    CompletionStage<AsyncResultSet> insertEvent(StoredChatEvent event, int ttl) {
        return cql.executeAsync(insertEvent.bind().setString("chat_id", event.chatId()).setInt("idx", event.index())
                .setString("type", event.type()).setInt("participant_id", event.participantId())
                .setString("participant_type", event.participantType()).setString("nickname", event.nickname())
                .setString("text", event.text()).setString("message_type", event.messageType())
                .setInstant("time", event.time())
                .setMap("user_data", event.userData(), String.class, String.class)
                .setInt("ttl", ttl));
    }

    List<StoredChatEvent> events(String chatId, int first, int limit) {
        List<StoredChatEvent> events = new ArrayList<>();
        for (Row row : cql.execute(selectEvents.bind().setString("chat_id", chatId).setInt("first", first)
                .setInt("max_rows", limit))) {
            events.add(new StoredChatEvent(chatId, row.getInt("idx"), row.getString("type"),
                    row.getInt("participant_id"), row.getString("participant_type"), row.getString("nickname"),
                    row.getString("text"), row.getString("message_type"), row.getInstant("time"),
                    row.getMap("user_data", String.class, String.class)));
        }
        return events;
    }

    int lastIndex(String chatId) {
        Row row = cql.execute(selectLastIndex.bind().setString("chat_id", chatId)).one();
        return row == null ? 0 : row.getInt("idx");
    }

    BoundStatement insertOpen(StoredChat chat, int ttl) {
        return insertOpen.bind().setInt("shard", shard(chat.chatId())).setString("chat_id", chat.chatId())
                .setString("service", chat.service()).setString("state", chat.state())
                .setString("queue", chat.queue()).setString("agent", chat.agent())
                .setString("nickname", chat.nickname()).setString("subject", chat.subject())
                .setInstant("created_at", chat.createdAt()).setInt("ttl", ttl);
    }

    BoundStatement deleteOpen(String chatId) {
        return deleteOpen.bind().setInt("shard", shard(chatId)).setString("chat_id", chatId);
    }

    BoundStatement insertEnded(StoredChat chat, int ttl) {
        return insertEnded.bind().setLong("day", day(chat.endedAt())).setString("chat_id", chat.chatId())
                .setString("service", chat.service()).setInt("ttl", ttl);
    }

    CompletionStage<AsyncResultSet> open(int shard, int limit) {
        return cql.executeAsync(selectOpen.bind().setInt("shard", shard).setInt("max_rows", limit));
    }

    static OpenChat toOpen(Row row) {
        return new OpenChat(row.getString("chat_id"), row.getString("service"), row.getString("state"),
                row.getString("queue"), row.getString("agent"), row.getString("nickname"), row.getString("subject"),
                row.getInstant("created_at"));
    }

    int endedCount(long day, int limit) {
        int count = 0;
        for (Row ignored : cql.execute(selectEnded.bind().setLong("day", day).setInt("max_rows", limit))) {
            count++;
        }
        return count;
    }

    void executeLogged(List<BoundStatement> statements) {
        var batch = BatchStatement.builder(DefaultBatchType.LOGGED);
        statements.forEach(batch::addStatement);
        cql.execute(batch.build());
    }

    void execute(BoundStatement statement) {
        cql.execute(statement);
    }
}
