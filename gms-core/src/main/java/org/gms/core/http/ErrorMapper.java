package org.gms.core.http;

import jakarta.servlet.ServletException;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.gms.core.error.BadRequestException;
import org.gms.core.error.GmsException;
import org.gms.core.error.HttpStatusException;
import org.gms.core.error.InternalErrorException;
import org.gms.core.error.MethodNotAllowedException;
import org.gms.core.error.NotFoundException;
import org.gms.core.error.PayloadTooLargeException;
import org.gms.core.error.ServiceUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Turns any error into the body and status the client sees. 4xx are the client's business and logged at DEBUG; an
 * unexpected failure is logged once at ERROR with a reference (the request id) that the message also carries, and no
 * stack trace or internal detail reaches the wire. The container's own exceptions (a malformed form, a body over the
 * limit) are translated by the function the server gives, so this class knows nothing of the container.
 */
public final class ErrorMapper {

    /** MDC key of the current request's id, set by the server for every request. */
    public static final String REQUEST_ID = "request";
    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapper.class);

    private final Function<Throwable, Optional<GmsException>> container;

    /** {@code container}: the container's exceptions as GMS errors; empty for anything else. */
    public ErrorMapper(Function<Throwable, Optional<GmsException>> container) {
        this.container = container;
    }

    /** A mapper that knows no container exception (tools and unit tests). */
    public static ErrorMapper plain() {
        return new ErrorMapper(error -> Optional.empty());
    }

    public ErrorBody map(Throwable error, String where) {
        Throwable cause = unwrap(error);
        Optional<GmsException> known = cause instanceof GmsException gms ? Optional.of(gms) : container.apply(cause);
        if (known.isEmpty()) {
            String reference = reference();
            LOG.error("Unexpected failure [{}] in {}", reference, where, cause);
            return body(new InternalErrorException("Internal server error, reference " + reference));
        }
        GmsException gms = known.get();
        if (gms.status() == 500 && gms.referenced()) {
            String reference = reference();
            LOG.error("Failure [{}] in {}: {}", reference, where, gms.getMessage(),
                    gms.getCause() == null ? gms : gms.getCause());
            return new ErrorBody(500, gms.wireName(), gms.getMessage() + ", reference " + reference);
        }
        // the cause's detail (node addresses, CQL errors) is for the log only
        String detail = gms.getCause() == null ? "" : " (" + describe(gms.getCause()) + ")";
        if (gms.status() >= 500) {
            LOG.warn("{} answered {}: {}{}", where, gms.status(), gms.getMessage(), detail);
        } else {
            LOG.debug("{} answered {}: {}{}", where, gms.status(), gms.getMessage(), detail);
        }
        return body(gms);
    }

    /** The body for a status the container chose (404, 405, 413, ...). */
    public static ErrorBody forStatus(int status, String reason) {
        return body(errorFor(status, reason));
    }

    /** The error type of a status; a blank reason becomes the status' usual one. */
    public static GmsException errorFor(int status, String reason) {
        String message = reason == null || reason.isBlank() ? defaultReason(status) : reason;
        return switch (status) {
            case 400 -> new BadRequestException(message);
            case 404 -> new NotFoundException(message);
            case 405 -> new MethodNotAllowedException(message);
            case 413 -> new PayloadTooLargeException(message);
            case 503 -> new ServiceUnavailableException(message);
            default -> status >= 500 ? new InternalErrorException(message) : new HttpStatusException(status, message);
        };
    }

    public static ErrorBody body(GmsException error) {
        return new ErrorBody(error.status(), error.wireName(), error.getMessage(), error.details());
    }

    /** One line for the log: the cause's class and the first line of its message. */
    static String describe(Throwable cause) {
        String message = cause.getMessage();
        if (message == null) {
            return cause.getClass().getSimpleName();
        }
        int newline = message.indexOf('\n');
        String line = newline < 0 ? message : message.substring(0, newline);
        return cause.getClass().getSimpleName() + ": " + (line.length() > 300 ? line.substring(0, 300) + "…" : line);
    }

    /** The request id when there is one, so the client's message, the access log and the error log line agree. */
    private static String reference() {
        String request = MDC.get(REQUEST_ID);
        return request != null ? request : UUID.randomUUID().toString();
    }

    private static Throwable unwrap(Throwable error) {
        Throwable current = error;
        while ((current instanceof ServletException || current.getClass() == RuntimeException.class)
                && current.getCause() != null && current.getCause() != current) {
            current = current.getCause();
        }
        return current;
    }

    private static String defaultReason(int status) {
        return switch (status) {
            case 400 -> "Bad request";
            case 404 -> "Not found";
            case 405 -> "Method not allowed";
            case 413 -> "Request is larger than the server accepts";
            case 414 -> "URI too long";
            case 415 -> "Unsupported media type";
            case 431 -> "Request header fields too large";
            case 503 -> "Service unavailable";
            default -> "HTTP error " + status;
        };
    }
}
