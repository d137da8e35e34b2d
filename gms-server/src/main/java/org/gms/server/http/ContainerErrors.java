package org.gms.server.http;

import java.util.Optional;
import org.eclipse.jetty.http.BadMessageException;
import org.gms.core.error.GmsException;
import org.gms.core.error.PayloadTooLargeException;
import org.gms.core.http.ErrorMapper;

/** Jetty's own exceptions as GMS errors: a malformed request keeps its status, a body over a limit is 413. */
public final class ContainerErrors {

    private ContainerErrors() {
    }

    /** The error mapper of the server, which knows these exceptions. */
    public static ErrorMapper mapper() {
        return new ErrorMapper(ContainerErrors::translate);
    }

    static Optional<GmsException> translate(Throwable error) {
        if (error instanceof BadMessageException bad) {
            return Optional.of(ErrorMapper.errorFor(bad.getCode(), bad.getReason()));
        }
        String message = String.valueOf(error.getMessage());
        if (error instanceof IllegalStateException && (message.contains("Form is larger than")
                || message.contains("too large"))) {
            return Optional.of(new PayloadTooLargeException("Request is larger than the server accepts", error));
        }
        return Optional.empty();
    }
}
