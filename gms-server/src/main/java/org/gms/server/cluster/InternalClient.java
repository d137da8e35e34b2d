package org.gms.server.cluster;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.gms.core.error.ServiceUnavailableException;

/** Calls the internal API of another node, {@code <node url>/1/internal/<operation>}, with the cluster secret. */
public final class InternalClient {

    public static final String SECRET_HEADER = "X-GMS-Cluster-Secret";
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    private final String secret;

    InternalClient(String secret) {
        this.secret = secret;
    }

    /** POSTs a JSON body; returns the answer (any status) or fails with 503 when the node cannot be reached. */
    public HttpResponse<String> post(URI nodeUrl, String operation, String json) {
        return send(request(nodeUrl, operation).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    }

    public HttpResponse<String> get(URI nodeUrl, String operation) {
        return send(request(nodeUrl, operation).GET());
    }

    private HttpRequest.Builder request(URI nodeUrl, String operation) {
        return HttpRequest.newBuilder(URI.create(nodeUrl + "/1/internal/" + operation))
                .timeout(TIMEOUT)
                .header(SECRET_HEADER, secret);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        HttpRequest built = request.build();
        try {
            return HTTP.send(built, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ServiceUnavailableException("Node " + built.uri().getAuthority() + " cannot be reached: "
                    + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceUnavailableException("Interrupted while calling node " + built.uri().getAuthority());
        }
    }
}
