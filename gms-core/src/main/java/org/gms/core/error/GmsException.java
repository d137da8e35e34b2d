package org.gms.core.error;

import java.util.Map;

/**
 * An error that reaches the wire as the GMS error body {@code {"exception":"…","message":"…"}} with an HTTP status.
 * Every module throws subclasses of this type; one error mapper renders them. Each concrete subclass declares its
 * {@link WireName}.
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
     * Whether a 500 of this type is a failure of ours: logged at ERROR, its message extended with a reference that
     * is also in the log. A type whose 500 answers a fixed GMS text (an unreachable ORS) says no: it is logged at
     * WARN and its message stays as it is.
     */
    public boolean referenced() {
        return true;
    }

    /** Fields the error body carries after {@code exception} and {@code message}; none by default. */
    public Map<String, Object> details() {
        return Map.of();
    }

    /** The value of the {@code exception} field on the wire: the nearest declared {@link WireName}. */
    public final String wireName() {
        return wireName(getClass());
    }

    /** The wire name an error type declares, or the one it inherits. */
    public static String wireName(Class<? extends GmsException> type) {
        for (Class<?> current = type; current != null; current = current.getSuperclass()) {
            WireName name = current.getAnnotation(WireName.class);
            if (name != null) {
                return name.value();
            }
        }
        throw new IllegalStateException(type.getName() + " declares no @WireName");
    }
}
