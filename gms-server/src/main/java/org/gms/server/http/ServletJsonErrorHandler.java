package org.gms.server.http;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.eclipse.jetty.ee10.servlet.ErrorHandler;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.gms.core.http.ErrorBody;
import org.gms.core.http.ErrorMapper;

/** Errors raised inside the servlet context (sendError, uncaught exceptions) as the GMS body. */
public final class ServletJsonErrorHandler extends ErrorHandler {

    private final ErrorMapper errors;

    public ServletJsonErrorHandler(ErrorMapper errors) {
        this.errors = errors;
    }

    @Override
    protected void generateAcceptableResponse(ServletContextRequest baseRequest, HttpServletRequest request,
                                              HttpServletResponse response, int code, String message) throws IOException {
        Object cause = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        ErrorBody body = cause instanceof Throwable error
                ? errors.map(error, request.getMethod() + " " + request.getRequestURI())
                : ErrorMapper.forStatus(code, message);
        response.setStatus(body.status());
        response.setContentType(ErrorBody.CONTENT_TYPE);
        response.setHeader("Cache-Control", "no-store");
        byte[] bytes = body.bytes();
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }
}
