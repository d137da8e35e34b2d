package org.gms.server.http;

import jakarta.servlet.ServletException;
import java.util.UUID;
import org.eclipse.jetty.http.BadMessageException;
import org.gms.storage.error.GmsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns any error into the body and status the client sees. 4xx are the client's business and logged at DEBUG; an
 * unexpected failure is logged once at ERROR with an id that the message also carries, and no stack trace or internal
 * detail reaches the wire.
 */
public final class ErrorMapper {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapper.class);

    private ErrorMapper() {
    }

    public static ErrorBody map(Throwable error, String where) {
        Throwable cause = unwrap(error);
        if (cause instanceof GmsException gms) {
            if (gms.status() == 500) {
                String id = UUID.randomUUID().toString();
                LOG.error("Failure [{}] in {}: {}", id, where, gms.getMessage(), gms.getCause() == null ? gms : gms.getCause());
                return new ErrorBody(500, gms.wireName(), gms.getMessage() + ", reference " + id);
            }
            // the cause's detail (node addresses, CQL errors) is for the log only
            String detail = gms.getCause() == null ? "" : " (" + describe(gms.getCause()) + ")";
            if (gms.status() > 500) {
                LOG.warn("{} answered {}: {}{}", where, gms.status(), gms.getMessage(), detail);
            } else {
                LOG.debug("{} answered {}: {}{}", where, gms.status(), gms.getMessage(), detail);
            }
            return new ErrorBody(gms.status(), gms.wireName(), gms.getMessage());
        }
        if (cause instanceof BadMessageException bad) {
            return forStatus(bad.getCode(), bad.getReason());
        }
        if (cause instanceof IllegalStateException && String.valueOf(cause.getMessage()).contains("Form is larger than")
                || cause instanceof IllegalStateException && String.valueOf(cause.getMessage()).contains("too large")) {
            return forStatus(413, "Request is larger than the server accepts");
        }
        String id = UUID.randomUUID().toString();
        LOG.error("Unexpected failure [{}] in {}", id, where, cause);
        return new ErrorBody(500, "java.lang.RuntimeException", "Internal server error, reference " + id);
    }

    /** The body for a status Jetty or a servlet container chose (404, 405, 413, ...). */
    public static ErrorBody forStatus(int status, String reason) {
        String message = reason == null || reason.isBlank() ? defaultReason(status) : reason;
        return new ErrorBody(status, exceptionFor(status), message);
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

    private static Throwable unwrap(Throwable error) {
        Throwable current = error;
        while ((current instanceof ServletException || current.getClass() == RuntimeException.class)
                && current.getCause() != null && current.getCause() != current) {
            current = current.getCause();
        }
        return current;
    }

    private static String exceptionFor(int status) {
        return switch (status) {
            case 400 -> "com.genesyslab.gsg.GSGException";
            case 404 -> "org.gms.storage.error.NotFoundException";
            case 405 -> "org.gms.server.http.MethodNotAllowedException";
            case 413 -> "org.gms.storage.error.PayloadTooLargeException";
            case 503 -> "org.gms.storage.error.ServiceUnavailableException";
            default -> status >= 500 ? "java.lang.RuntimeException" : "org.gms.server.http.HttpException";
        };
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
