package org.gms.server.security.logging;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * At DEBUG, logs each request as GMS does: {@code (POST) Client IP Address: <ip>, URI:<url>} then
 * {@code Params: KVList:} with every parameter through {@link LogMasking}. Multipart bodies are not parsed here (the
 * servlet that owns them decides their limits), so only their query parameters are logged. Nor are the bodies of the
 * Storage API ({@code /1/storage}, {@code /1/service/<id>/storage}): its servlet reads the raw form itself, and
 * {@code getParameterMap()} would consume it first.
 */
public final class ParameterLogFilter implements Filter {

    public static final String LOGGER = "org.gms.requests";
    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);
    private static final Pattern STORAGE_PATH = Pattern.compile("/1/(storage|service/[^/]+/storage)(/.*)?");

    private final LogMasking masking;

    public ParameterLogFilter(LogMasking masking) {
        this.masking = masking;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (LOG.isDebugEnabled() && request instanceof HttpServletRequest http) {
            log(http);
        }
        chain.doFilter(request, response);
    }

    private void log(HttpServletRequest request) {
        try {
            String query = request.getQueryString();
            String url = request.getRequestURL() + (query == null ? "" : "?" + QueryStrings.mask(query, masking));
            LOG.debug("({}) Client IP Address: {}, URI:{}", request.getMethod(), request.getRemoteAddr(), url);
            Map<String, ?> parameters = bodyReadByServlet(request) ? QueryStrings.parse(query)
                    : request.getParameterMap();
            LOG.debug("Params: {}", masking.kvList(parameters));
        } catch (RuntimeException e) {
            // logging must never fail a request; a body the servlet cannot read either is reported by the servlet
            LOG.debug("Params: not readable ({})", e.getClass().getSimpleName());
        }
    }

    private static boolean bodyReadByServlet(HttpServletRequest request) {
        String type = request.getContentType();
        if (type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
            return true;
        }
        return isStoragePath(request.getRequestURI().substring(request.getContextPath().length()));
    }

    /** {@code path} is relative to the {@code /genesys} context. */
    static boolean isStoragePath(String path) {
        return STORAGE_PATH.matcher(path).matches();
    }
}
