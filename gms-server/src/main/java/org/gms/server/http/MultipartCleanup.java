package org.gms.server.http;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import org.eclipse.jetty.ee10.servlet.ServletMultiPartFormData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes the multipart parts of a request once it has been served, whatever the answer (stored, ignored, refused or
 * failed), so that no part written to the upload folder outlives its request. Only parts the request actually parsed
 * are deleted: a request whose body nobody read is not parsed here.
 */
public final class MultipartCleanup implements Filter {

    /** The request attribute under which Jetty keeps the parsing of the parts of a request. */
    static final String PARTS_ATTRIBUTE = ServletMultiPartFormData.class.getName();
    private static final Logger LOG = LoggerFactory.getLogger(MultipartCleanup.class);

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        try {
            chain.doFilter(request, response);
        } finally {
            Object parsing = request.getAttribute(PARTS_ATTRIBUTE);
            if (parsing instanceof CompletableFuture) {
                // parsing done (or failed) in every synchronous case; otherwise the parts go once it ends
                ((CompletableFuture<?>) parsing).whenComplete((parts, error) -> delete(parts));
            }
        }
    }

    private static void delete(Object parts) {
        if (!(parts instanceof ServletMultiPartFormData.Parts)) {
            return;
        }
        for (Part part : ((ServletMultiPartFormData.Parts) parts).getParts()) {
            try {
                part.delete();
            } catch (IOException | RuntimeException e) {
                LOG.warn("Could not delete the multipart part [{}]: {}", part.getName(), e.toString());
            }
        }
    }
}
