package org.gms.storage.cassandra;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.DriverTimeoutException;
import com.datastax.oss.driver.api.core.NoNodeAvailableException;
import com.datastax.oss.driver.api.core.servererrors.InvalidQueryException;
import java.util.concurrent.CompletionException;
import org.gms.storage.error.GmsException;
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
    void should_answer_500_when_cassandra_refuses_a_statement_for_another_reason() {
        GmsException translated = CassandraErrors.translate(new InvalidQueryException(null, "Undefined column name x"));
        assertThat(translated).isInstanceOf(StorageException.class);
        assertThat(translated.status()).isEqualTo(500);
        assertThat(translated.getMessage()).doesNotContain("column");
    }
}
