package org.gms.storage.error;

import org.gms.core.error.ServiceUnavailableException;
import org.gms.core.error.WireName;

/** Cassandra could not be reached or did not answer in time: HTTP 503. The server recovers by itself. */
@WireName("org.gms.storage.error.StorageUnavailableException")
public class StorageUnavailableException extends ServiceUnavailableException {

    private static final long serialVersionUID = 1L;

    public StorageUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
