package org.gms.storage.error;

import org.gms.core.error.GmsException;
import org.gms.core.error.WireName;

/** Cassandra refused a statement for a reason other than availability: a bug or a schema problem, HTTP 500. */
@WireName("org.gms.storage.error.StorageException")
public class StorageException extends GmsException {

    private static final long serialVersionUID = 1L;

    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public int status() {
        return 500;
    }
}
