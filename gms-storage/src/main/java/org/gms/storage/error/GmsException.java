package org.gms.storage.error;

/**
 * An error that reaches the wire as the GMS error body {@code {"exception":"…","message":"…"}} with an HTTP status.
 * Every module throws subclasses of this type; one error mapper in the server renders them.
 */
public abstract class GmsException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    protected GmsException(String message) {
        super(message);
    }

    protected GmsException(String message, Throwable cause) {
        super(message, cause);
    }

    /** HTTP status sent to the client. */
    public abstract int status();

    /**
     * The value of the {@code exception} field on the wire. GMS clients sometimes match on the GMS class names, so
     * subclasses that stand for a known GMS error return that name; others use their own class name.
     */
    public String wireName() {
        return getClass().getName();
    }
}
