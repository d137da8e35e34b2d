package org.gms.push.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.gms.core.http.GmsServlet;
import org.gms.core.http.Responses;
import org.gms.push.PushFeature;

/** {@code GET /1/admin/notification/metrics}: push counters per type (sent, rejected, failed, retried, latency). */
public final class MetricsServlet extends GmsServlet {

    private static final long serialVersionUID = 1L;
    private final transient PushFeature push;

    public MetricsServlet(Responses responses, PushFeature push) {
        super(responses);
        this.push = push;
    }

    @Override
    protected Set<String> methods() {
        return Set.of("GET");
    }

    @Override
    protected void handle(HttpServletRequest request, HttpServletResponse response) throws IOException {
        responses.json(request, response, push.metrics().snapshot());
    }
}
