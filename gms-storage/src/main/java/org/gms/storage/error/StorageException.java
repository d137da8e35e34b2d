package org.gms.storage.error;

/** Cassandra refused a statement for a reason other than availability: a bug or a schema problem, HTTP 500. */
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
