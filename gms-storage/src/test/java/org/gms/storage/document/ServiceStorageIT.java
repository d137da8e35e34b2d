package org.gms.storage.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.gms.core.error.BadRequestException;
import org.gms.core.error.NotFoundException;
import org.gms.storage.cassandra.Cql;
import org.gms.storage.document.cassandra.ChunkDao;
import org.gms.storage.document.cassandra.DocumentDao;
import org.gms.storage.test.CassandraExtension;
import org.gms.storage.test.TestCassandra;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Storage of a service instance, on the same tables as the Storage API, against the real node. */
@ExtendWith(CassandraExtension.class)
class ServiceStorageIT {

    private final ServiceStorage storage;
    private final DocumentRepository repository;

    ServiceStorageIT(TestCassandra cassandra) {
        Cql cql = new Cql(cassandra.session());
        String keyspace = cassandra.settings().dataDepotKeyspace();
        repository = new DocumentRepository(new DocumentDao(cql, keyspace), new ChunkDao(cql, keyspace),
                () -> DocumentLimits.DEFAULT, Clock.systemUTC());
        storage = new ServiceStorage(repository);
    }

    private static String serviceId() {
        return "1-" + UUID.randomUUID();
    }

    private static Instant inAMinute() {
        return Instant.now().plusSeconds(60);
    }

    @Test
    void should_read_back_text_and_files_when_fields_are_put_on_a_service() throws IOException {
        String service = serviceId();
        byte[] file = "file body".getBytes(StandardCharsets.UTF_8);
        storage.put(service, inAMinute(), List.of(new DocumentField.Text("a", "1"),
                new DocumentField.File("f", "text/csv", "f.csv", () -> new ByteArrayInputStream(file))));
        storage.put(service, inAMinute(), List.of(new DocumentField.Text("b", "2")));

        Document document = storage.read(service);
        assertThat(document.values()).containsEntry("a", new DocumentValue.Text("1"))
                .containsEntry("b", new DocumentValue.Text("2"))
                .containsEntry("f", new DocumentValue.File("text/csv", "f.csv", file.length));
        assertThat(storage.read(service, "a")).isEqualTo(new DocumentValue.Text("1"));
        FileDownload download = storage.readFile(service, "f");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        download.writeTo(out);
        assertThat(out.toByteArray()).isEqualTo(file);
        assertThat(download.contentType()).isEqualTo("text/csv");
    }

    @Test
    void should_delete_one_key_and_then_everything_when_the_service_ends() {
        String service = serviceId();
        storage.put(service, inAMinute(), List.of(new DocumentField.Text("a", "1"), new DocumentField.Text("b", "2")));
        storage.delete(service, "a");
        assertThat(storage.read(service).values()).containsOnlyKeys("b");

        storage.deleteAll(service);
        assertThatThrownBy(() -> storage.read(service)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void should_follow_the_service_expiry_when_it_is_moved() {
        String service = serviceId();
        storage.put(service, inAMinute(), List.of(new DocumentField.Text("a", "1")));
        Instant later = Instant.now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.MILLIS);
        storage.expireWith(service, later);
        assertThat(storage.read(service).expiresAt()).isEqualTo(later);
        assertThatThrownBy(() -> storage.put(service, Instant.now().minusSeconds(1), List.of()))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void should_not_be_reachable_through_storage_api_ids_when_a_service_holds_it() {
        String service = serviceId();
        storage.put(service, inAMinute(), List.of(new DocumentField.Text("a", "1")));
        assertThatThrownBy(() -> repository.read(ServiceStorage.documentId(service), Optional.empty()))
                .isInstanceOf(BadRequestException.class);
        assertThat(repository.create(Duration.ofSeconds(60), List.of())).doesNotContain(":");
        assertThat(ServiceStorage.documentId("x")).isEqualTo("service:x");
    }
}
