package org.gms.storage.cassandra;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.DriverTimeoutException;
import com.datastax.oss.driver.api.core.NoNodeAvailableException;
import com.datastax.oss.driver.api.core.servererrors.InvalidQueryException;
import com.datastax.oss.driver.api.core.servererrors.ServerError;
import java.util.concurrent.CompletionException;
import org.gms.core.error.GmsException;
import org.gms.core.error.PayloadTooLargeException;
import org.gms.storage.error.StorageException;
import org.gms.storage.error.StorageUnavailableException;
import org.junit.jupiter.api.Test;

class CassandraErrorsTest {

    @Test
    void should_answer_a_fixed_message_and_keep_the_detail_in_the_cause_when_cassandra_is_unreachable() {
        DriverTimeoutException timeout = new DriverTimeoutException("Query timed out after PT2S on /10.0.0.7:9042");
        GmsException translated = CassandraErrors.translate(new CompletionException(timeout));
        assertThat(translated).isInstanceOf(StorageUnavailableException.class)
                .hasMessage("Storage is unavailable").hasCause(timeout);
        assertThat(translated.status()).isEqualTo(503);

        assertThat(CassandraErrors.translate(new NoNodeAvailableException()))
                .isInstanceOf(StorageUnavailableException.class).hasMessage("Storage is unavailable");
    }

    @Test
    void should_answer_413_when_cassandra_refuses_a_value_for_its_size() {
        for (String refusal : new String[] {"Key length of 70000 is longer than maximum of 65535",
                "Rejected an oversized mutation (5243000/4194304) for keyspace: gsg. Top keys are: service_instance.1-x",
                "Batch too large", "CQL Message of size 5000268 bytes exceeds allowed maximum of 4194304 bytes"}) {
            GmsException translated = CassandraErrors.translate(new InvalidQueryException(null, refusal));
            assertThat(translated).as(refusal).isInstanceOf(PayloadTooLargeException.class)
                    .hasMessage("The request holds more data than the storage accepts");
            assertThat(translated.status()).isEqualTo(413);
        }
        assertThat(CassandraErrors.translate(new ServerError(null, "Rejected an oversized mutation (1/2)")).status())
                .isEqualTo(413);
    }

    @Test
    void should_answer_400_when_the_cluster_cannot_store_an_expiry_that_late() {
        GmsException translated = CassandraErrors.translate(new InvalidQueryException(null, "Request on table"
                + " gsg_dd.storage_document with default ttl of 0 seconds exceeds maximum supported expiration date of"
                + " 2038-01-19T03:14:06+00:00 and will have its expiration capped to that date."));
        assertThat(translated.status()).isEqualTo(400);
        assertThat(translated.getMessage()).isEqualTo(CassandraErrors.EXPIRY_TOO_LATE);
    }

    @Test
    void should_answer_500_when_cassandra_refuses_a_statement_for_another_reason() {
        GmsException translated = CassandraErrors.translate(new InvalidQueryException(null, "Undefined column name x"));
        assertThat(translated).isInstanceOf(StorageException.class);
        assertThat(translated.status()).isEqualTo(500);
        assertThat(translated.getMessage()).doesNotContain("column");
    }
}
