package org.gms.storage.cassandra;

import com.datastax.oss.driver.api.core.AllNodesFailedException;
import com.datastax.oss.driver.api.core.DriverTimeoutException;
import com.datastax.oss.driver.api.core.NoNodeAvailableException;
import com.datastax.oss.driver.api.core.connection.BusyConnectionException;
import com.datastax.oss.driver.api.core.connection.ClosedConnectionException;
import com.datastax.oss.driver.api.core.servererrors.InvalidQueryException;
import com.datastax.oss.driver.api.core.servererrors.OverloadedException;
import com.datastax.oss.driver.api.core.servererrors.QueryConsistencyException;
import com.datastax.oss.driver.api.core.servererrors.ServerError;
import com.datastax.oss.driver.api.core.servererrors.UnavailableException;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.gms.core.error.BadRequestException;
import org.gms.core.error.GmsException;
import org.gms.core.error.PayloadTooLargeException;
import org.gms.storage.error.StorageException;
import org.gms.storage.error.StorageUnavailableException;

/**
 * Where driver exceptions stop: availability problems become 503, values Cassandra refuses for their size 413 (the
 * client sent too much; nothing was written, a statement or batch is applied whole or not at all), anything else a
 * storage error (500).
 */
public final class CassandraErrors {

    /** The whole message a client sees when Cassandra cannot be reached. */
    public static final String UNAVAILABLE = "Storage is unavailable";
    /** The whole message a client sees when Cassandra refuses a value for its size. */
    public static final String TOO_LARGE = "The request holds more data than the storage accepts";

    /**
     * How Cassandra words a size refusal: a partition or clustering key over 64 KiB, a mutation over half a commit log
     * segment, a batch over batch_size_fail_threshold, a request over native_transport_max_message_size.
     */
    private static final List<String> SIZE_REFUSALS = List.of("is longer than maximum of", "oversized mutation",
            "Batch too large", "bytes exceeds allowed maximum of");

    static final String EXPIRY_TOO_LATE = "The TTL ends after 2038-01-19T03:14:06Z, the latest expiry this Cassandra"
            + " cluster can store: use a smaller TTL";

    private CassandraErrors() {
    }

    public static GmsException translate(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof GmsException gms) {
            return gms;
        }
        if (isUnavailable(cause)) {
            // the driver's message names node addresses and driver classes: it goes to the log (with the cause),
            // never into the answer
            return new StorageUnavailableException(UNAVAILABLE, cause);
        }
        if (isSizeRefusal(cause)) {
            return new PayloadTooLargeException(TOO_LARGE, cause);
        }
        if (cause instanceof InvalidQueryException
                && String.valueOf(cause.getMessage()).contains("exceeds maximum supported expiration date")) {
            // a cluster in storage_compatibility_mode CASSANDRA_4 (the default of 5.0) stores no expiry past 2038
            return new BadRequestException(EXPIRY_TOO_LATE);
        }
        return new StorageException("Storage request failed: " + cause.getClass().getSimpleName(), cause);
    }

    static boolean isSizeRefusal(Throwable cause) {
        if (!(cause instanceof InvalidQueryException || cause instanceof ServerError)) {
            return false;
        }
        String message = String.valueOf(cause.getMessage());
        return SIZE_REFUSALS.stream().anyMatch(message::contains);
    }

    static boolean isUnavailable(Throwable cause) {
        return cause instanceof NoNodeAvailableException
                || cause instanceof AllNodesFailedException
                || cause instanceof DriverTimeoutException
                || cause instanceof UnavailableException
                || cause instanceof QueryConsistencyException
                || cause instanceof OverloadedException
                || cause instanceof BusyConnectionException
                || cause instanceof ClosedConnectionException
                || cause instanceof IllegalStateException && String.valueOf(cause.getMessage()).contains("closed");
    }
}
