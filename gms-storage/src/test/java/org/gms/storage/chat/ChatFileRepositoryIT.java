package org.gms.storage.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.assertj.core.groups.Tuple;
import org.gms.core.error.NotFoundException;
import org.gms.storage.cassandra.Cql;
import org.gms.storage.test.CassandraExtension;
import org.gms.storage.test.TestCassandra;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(CassandraExtension.class)
class ChatFileRepositoryIT {

    private static final int TTL = 3600;
    private static final Instant AT = Instant.parse("2030-03-01T10:00:00Z");

    private final String chatId = "chat-" + UUID.randomUUID();
    private TestCassandra cassandra;
    private ChatFileRepository repository;

    @BeforeEach
    void create() {
        cassandra = TestCassandra.get();
        repository = new ChatFileRepository(new Cql(cassandra.session()), cassandra.settings().keyspace());
    }

    private StoredChatFile store(String fileId, byte[] bytes, long maxBytes, Instant at) {
        return repository.store(chatId, fileId, fileId + ".pdf", "application/pdf", "the " + fileId,
                Map.of("source", "test"), 2, at, new ByteArrayInputStream(bytes), maxBytes, TTL);
    }

    private static byte[] random(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }

    private byte[] copy(String fileId) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        repository.copyTo(chatId, fileId, out);
        return out.toByteArray();
    }

    @Test
    void should_give_back_the_same_bytes_when_a_file_of_several_chunks_is_stored_and_copied() throws IOException {
        byte[] bytes = random(600_000);

        StoredChatFile stored = store("f1", bytes, 10_485_760, AT);

        assertThat(stored).isEqualTo(new StoredChatFile(chatId, "f1", "f1.pdf", "application/pdf", 600_000,
                "the f1", Map.of("source", "test"), AT, 2, false, 0));
        assertThat(repository.find(chatId, "f1")).contains(stored);
        assertThat(copy("f1")).isEqualTo(bytes);
    }

    @Test
    void should_keep_no_row_when_the_stream_is_longer_than_the_limit() throws IOException {
        long limit = ChatFileRepository.CHUNK_SIZE + 1;

        assertThatThrownBy(() -> store("big", random(600_000), limit, AT))
                .isInstanceOf(ChatFileTooLargeException.class).hasMessageContaining(String.valueOf(limit));

        assertThat(repository.find(chatId, "big")).isEmpty();
        assertThat(repository.list(chatId)).isEmpty();
        assertThatThrownBy(() -> copy("big")).isInstanceOf(NotFoundException.class);
        byte[] exact = random((int) limit);
        store("exact", exact, limit, AT);
        assertThat(copy("exact")).isEqualTo(exact);
    }

    @Test
    void should_list_the_files_in_upload_order_with_the_deleted_ones_flagged_when_one_was_deleted() {
        store("b", random(10), 100, AT);
        store("a", random(10), 100, AT.plusSeconds(1));
        store("c", random(0), 100, AT.plusSeconds(2));

        assertThat(repository.markDeleted(chatId, "a")).isTrue();

        assertThat(repository.list(chatId)).extracting(StoredChatFile::fileId, StoredChatFile::deleted,
                StoredChatFile::size).containsExactly(
                        Tuple.tuple("b", false, 10L),
                        Tuple.tuple("a", true, 10L),
                        Tuple.tuple("c", false, 0L));
        assertThat(repository.list("chat-" + UUID.randomUUID())).isEmpty();
    }

    @Test
    void should_delete_a_file_once_and_refuse_its_bytes_when_it_is_marked_deleted() throws IOException {
        store("f1", random(300_000), 1_000_000, AT);

        assertThat(repository.markDeleted(chatId, "f1")).isTrue();
        assertThat(repository.markDeleted(chatId, "f1")).isFalse();
        assertThat(repository.markDeleted(chatId, "unknown")).isFalse();

        assertThat(repository.find(chatId, "f1")).get().extracting(StoredChatFile::deleted).isEqualTo(true);
        assertThatThrownBy(() -> copy("f1")).isInstanceOf(NotFoundException.class);
        assertThat(cassandra.session().execute(SimpleStatement.newInstance("SELECT chunk FROM "
                + cassandra.settings().keyspace() + ".chat_file_chunk WHERE chat_id = ? AND file_id = ?", chatId,
                "f1")).all()).isEmpty();
        assertThat(repository.countDownload(chatId, "f1", 0)).isFalse();
    }

    @Test
    void should_count_a_download_for_exactly_one_caller_when_many_expect_the_same_count() throws Exception {
        store("f1", random(1000), 1000, AT);
        ExecutorService executor = Executors.newFixedThreadPool(16);
        List<Future<Boolean>> counts = new ArrayList<>();
        try {
            for (int index = 0; index < 32; index++) {
                counts.add(executor.submit(() -> repository.countDownload(chatId, "f1", 0)));
            }
            int won = 0;
            for (Future<Boolean> count : counts) {
                won += count.get(60, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertThat(won).isEqualTo(1);
        } finally {
            executor.shutdownNow();
        }

        assertThat(repository.find(chatId, "f1")).get().extracting(StoredChatFile::downloads).isEqualTo(1);
        assertThat(repository.countDownload(chatId, "f1", 0)).isFalse();
        assertThat(repository.countDownload(chatId, "f1", 1)).isTrue();
        assertThat(repository.countDownload(chatId, "unknown", 0)).isFalse();
    }

    @Test
    void should_write_every_row_with_the_ttl_given_when_a_file_is_stored_and_changed() {
        store("f1", random(300_000), 1_000_000, AT);
        assertThat(repository.countDownload(chatId, "f1", 0)).isTrue();

        String keyspace = cassandra.settings().keyspace();
        Row file = cassandra.session().execute(SimpleStatement.newInstance("SELECT ttl(name), ttl(downloads) FROM "
                + keyspace + ".chat_file WHERE chat_id = ? AND file_id = ?", chatId, "f1")).one();
        List<Row> chunks = cassandra.session().execute(SimpleStatement.newInstance("SELECT ttl(data) FROM "
                + keyspace + ".chat_file_chunk WHERE chat_id = ? AND file_id = ?", chatId, "f1")).all();

        assertThat(file.getInt(0)).isBetween(TTL - 60, TTL);
        assertThat(file.getInt(1)).isBetween(TTL - 60, file.getInt(0));
        assertThat(chunks).hasSize(2).allSatisfy(chunk -> assertThat(chunk.getInt(0)).isBetween(TTL - 60, TTL));
    }
}
