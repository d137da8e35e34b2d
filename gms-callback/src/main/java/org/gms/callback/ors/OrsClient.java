package org.gms.callback.ors;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.eclipse.jetty.client.CompletableResponseListener;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.FormRequestContent;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.transport.HttpClientTransportOverHTTP;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.io.ClientConnector;
import org.eclipse.jetty.util.Fields;
import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.gms.callback.api.OrsServiceException;
import org.gms.core.config.NamedSection;
import org.gms.core.http.Json;
import org.gms.push.provider.http.LoggedUrl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one Orchestration Server client of the node, used by the ORS services and the {@code ors} callback execution.
 * It speaks ORS's HTTP interface: {@code POST <ors>/scxml/session/start} (form: {@code src}, the SCXML application,
 * and {@code parameters}, the session data as a JSON object) and {@code POST <ors>/scxml/session/<id>/terminate}.
 * The URLs of a target are tried in the order of its load balancing until one answers; any HTTP answer counts, only
 * a connection that fails or times out moves on to the next URL. HTTPS uses the JVM's trust store, as GMS does.
 * <p>
 * A lifecycle bean: the HTTP client lives from start to stop, its timeouts read at start.
 */
public final class OrsClient extends AbstractLifeCycle {

    public static final String START_PATH = "/scxml/session/start";
    private static final Logger LOG = LoggerFactory.getLogger(OrsClient.class);

    private final Supplier<OrsSettings> settings;
    private final OrsBalancer balancer = new OrsBalancer();
    private volatile HttpClient http;
    private volatile long requestTimeoutMillis;

    public OrsClient(Supplier<OrsSettings> settings) {
        this.settings = settings;
    }

    @Override
    protected void doStart() throws Exception {
        OrsSettings current = settings.get();
        ClientConnector connector = new ClientConnector();
        connector.setSslContextFactory(new SslContextFactory.Client());
        connector.setConnectTimeout(current.connectTimeout());
        connector.setSelectors(1);
        HttpClient client = new HttpClient(new HttpClientTransportOverHTTP(connector));
        client.setFollowRedirects(false);
        client.setUserAgentField(null);
        client.start();
        requestTimeoutMillis = current.requestTimeout().toMillis();
        http = client;
    }

    @Override
    protected void doStop() throws Exception {
        HttpClient stopping = http;
        http = null;
        if (stopping != null) {
            stopping.stop();
        }
    }

    /** The ORS a request of a service goes to: the service's {@code _ors}, else the server-wide list. */
    public OrsTarget target(NamedSection section, Map<String, String> request) {
        return OrsTarget.of(section, request, settings.get());
    }

    /**
     * Starts an SCXML session on the first ORS of the target that answers, and returns that answer whatever its
     * status.
     *
     * @param src  the SCXML application ({@code _service} of the service)
     * @param data the session data, sent as the JSON object {@code parameters}
     * @throws OrsServiceException when the target has no URL, or no ORS of it answered
     */
    public OrsAnswer startSession(OrsTarget target, String src, Map<String, String> data) {
        HttpClient client = running();
        if (target.urls().isEmpty()) {
            throw noUrl();
        }
        Fields form = new Fields();
        form.put("src", src);
        form.put("parameters", Json.text(data));
        List<URI> order = balancer.order(target);
        for (URI ors : order) {
            URI url = URI.create(ors + START_PATH);
            Request request = client.newRequest(url).method(HttpMethod.POST)
                    .timeout(requestTimeoutMillis, TimeUnit.MILLISECONDS)
                    .body(new FormRequestContent(form, StandardCharsets.UTF_8));
            try {
                ContentResponse response = request.send();
                OrsAnswer answer = new OrsAnswer(ors, response.getStatus(),
                        response.getHeaders().get(HttpHeader.CONTENT_TYPE) == null ? ""
                                : response.getHeaders().get(HttpHeader.CONTENT_TYPE),
                        response.getContentAsString());
                LOG.debug("ORS {} answered {} to the start of [{}]", LoggedUrl.of(url.toString()),
                        answer.status(), src);
                return answer;
            } catch (ExecutionException | TimeoutException e) {
                Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
                LOG.debug("ORS {} did not answer the start of [{}]: {}", LoggedUrl.of(url.toString()), src,
                        describe(cause));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw OrsServiceException.cannotConnect();
            }
        }
        LOG.warn("No ORS answered the start of [{}]; tried {}", src,
                order.stream().map(ors -> LoggedUrl.of(ors.toString())).toList());
        throw OrsServiceException.cannotConnect();
    }

    /**
     * Asks ORS to end a session, without waiting: the URLs of the target are tried in order until one accepts
     * (the session lives on one of them); the outcome is only logged.
     */
    public void terminateSession(OrsTarget target, String sessionId, String what) {
        HttpClient client = http;
        if (client == null || target.urls().isEmpty() || sessionId.isBlank()) {
            LOG.info("ORS session {} of {} not terminated: {}", sessionId, what,
                    client == null ? "the ORS client is not running" : "no ORS URL or session id");
            return;
        }
        String path = "/scxml/session/" + URLEncoder.encode(sessionId, StandardCharsets.UTF_8).replace("+", "%20")
                + "/terminate";
        terminate(client, balancer.order(target).iterator(), path, sessionId, what);
    }

    private void terminate(HttpClient client, Iterator<URI> remaining, String path, String sessionId, String what) {
        if (!remaining.hasNext()) {
            LOG.info("ORS session {} of {} not terminated: no ORS accepted", sessionId, what);
            return;
        }
        URI url = URI.create(remaining.next() + path);
        Request request = client.newRequest(url).method(HttpMethod.POST)
                .timeout(requestTimeoutMillis, TimeUnit.MILLISECONDS);
        new CompletableResponseListener(request).send().whenComplete((response, error) -> {
            if (error == null && response.getStatus() >= 200 && response.getStatus() < 300) {
                LOG.debug("ORS {} terminated session {} of {}", LoggedUrl.of(url.toString()), sessionId, what);
                return;
            }
            LOG.debug("ORS {} did not terminate session {} of {}: {}", LoggedUrl.of(url.toString()), sessionId,
                    what, error != null ? describe(error) : "HTTP " + response.getStatus());
            terminate(client, remaining, path, sessionId, what);
        });
    }

    /** A target without any URL: neither the service nor the server-wide options name an ORS. */
    public static OrsServiceException noUrl() {
        return new OrsServiceException("ORS request failed: no ORS URL configured (_ors of the service,"
                + " [ors] _ors, [server] _ors)");
    }

    private HttpClient running() {
        HttpClient client = http;
        if (client == null) {
            throw new OrsServiceException("ORS request failed: the ORS client is not running");
        }
        return client;
    }

    private static String describe(Throwable error) {
        String message = error.getMessage();
        return error.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
