package org.gms.storage.cassandra;

import com.datastax.oss.driver.api.core.AllNodesFailedException;
import com.datastax.oss.driver.api.core.DriverTimeoutException;
import com.datastax.oss.driver.api.core.NoNodeAvailableException;
import com.datastax.oss.driver.api.core.connection.BusyConnectionException;
import com.datastax.oss.driver.api.core.connection.ClosedConnectionException;
import com.datastax.oss.driver.api.core.servererrors.OverloadedException;
import com.datastax.oss.driver.api.core.servererrors.QueryConsistencyException;
import com.datastax.oss.driver.api.core.servererrors.UnavailableException;
import java.util.concurrent.CompletionException;
import org.gms.storage.error.GmsException;
import org.gms.storage.error.StorageException;
import org.gms.storage.error.StorageUnavailableException;

/** Where driver exceptions stop: availability problems become 503, anything else a storage error (500). */
public final class CassandraErrors {

    /** The whole message a client sees when Cassandra cannot be reached. */
    public static final String UNAVAILABLE = "Storage is unavailable";

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
        return new StorageException("Storage request failed: " + cause.getClass().getSimpleName(), cause);
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
