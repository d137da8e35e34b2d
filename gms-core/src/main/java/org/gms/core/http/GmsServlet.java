package org.gms.core.http;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;

/**
 * Base of every API servlet: one place where errors become the GMS error body, where an unsupported method gets a
 * JSON 405, and where a servlet declares the methods it serves.
 */
public abstract class GmsServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    protected final transient Responses responses;

    protected GmsServlet(Responses responses) {
        this.responses = responses;
    }

    /** Methods this servlet answers; others get 405. */
    protected abstract Set<String> methods();

    /** Handles a request whose method is in {@link #methods()}. */
    protected abstract void handle(HttpServletRequest request, HttpServletResponse response) throws IOException;

    @Override
    protected final void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            if ("OPTIONS".equals(request.getMethod())) {
                response.setHeader("Allow", String.join(", ", methods()) + ", OPTIONS");
                response.setStatus(200);
                return;
            }
            if (!methods().contains(request.getMethod())) {
                response.setHeader("Allow", String.join(", ", methods()));
                responses.error(response, ErrorMapper.forStatus(405,
                        "Method " + request.getMethod() + " is not supported on " + request.getRequestURI()));
                return;
            }
            handle(request, response);
        } catch (IOException | RuntimeException e) {
            responses.error(request, response, e);
        }
    }

    /** The part of the path after the servlet mapping, without the leading slash ({@code ""} when none). */
    protected static String pathAfterServlet(HttpServletRequest request) {
        String info = request.getPathInfo();
        if (info == null || info.equals("/")) {
            return "";
        }
        return info.startsWith("/") ? info.substring(1) : info;
    }
}
