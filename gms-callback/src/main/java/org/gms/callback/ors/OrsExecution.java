package org.gms.callback.ors;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.gms.callback.api.OrsServiceException;
import org.gms.callback.config.ServiceOptions;
import org.gms.callback.engine.Execution;
import org.gms.callback.engine.Times;
import org.gms.core.config.OptionType;
import org.gms.storage.callback.StoredCallback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code _execution=ors}: a due callback starts an SCXML session on Orchestration Server, as GMS does. The
 * application is the service's {@code _service} (the callback strategy, or a custom one with
 * {@code _service_type=callback}); the session data are the callback's data and the service's options, with
 * {@code _id}, {@code _service_name}, {@code _desired_time} and {@code _urs_virtual_queue}. A 2xx answer queues the
 * callback with the answer's session id as {@code _ors_session_id}; 5xx, 408, 429 and an unreachable ORS may pass
 * and are tried again by the engine; any other answer refuses the callback. When no ORS answers during the create
 * request itself, that request answers GMS's 500 {@link OrsServiceException}. A cancel terminates the session.
 */
public final class OrsExecution implements Execution {

    private static final Logger LOG = LoggerFactory.getLogger(OrsExecution.class);
    /** Service options that never leave the server. */
    private static final Set<String> SECRETS = ServiceOptions.OPTIONS.stream()
            .filter(option -> option.type() == OptionType.SECRET).map(option -> option.name())
            .collect(Collectors.toUnmodifiableSet());
    private static final int MAX_LOGGED_BODY = 200;

    private final OrsClient ors;

    public OrsExecution(OrsClient ors) {
        this.ors = ors;
    }

    @Override
    public String submit(StoredCallback callback, ServiceOptions options) throws SubmitException {
        OrsTarget target = ors.target(options.section(), callback.data());
        if (target.urls().isEmpty()) {
            OrsServiceException missing = OrsClient.noUrl();
            throw new SubmitException(missing.getMessage(), false, missing);
        }
        OrsAnswer answer;
        try {
            answer = ors.startSession(target, options.section().builtin(), sessionData(callback, options));
        } catch (OrsServiceException e) {
            // no ORS answered: it may come back
            throw new SubmitException(e.getMessage(), true, e);
        }
        if (!answer.isSuccess()) {
            String body = answer.body().length() > MAX_LOGGED_BODY
                    ? answer.body().substring(0, MAX_LOGGED_BODY) + "…" : answer.body();
            throw new SubmitException("ORS answered HTTP " + answer.status() + ": " + body, answer.isTransient());
        }
        return answer.sessionId().orElseGet(() -> {
            LOG.warn("Callback {}: ORS started its session but answered no session id ({}); it cannot be"
                    + " terminated on cancel", callback.id(), String.join(", ", OrsAnswer.SESSION_ID_FIELDS));
            return "";
        });
    }

    /** Terminates the session of a submitted callback, without waiting; failures are only logged. */
    @Override
    public void cancelled(StoredCallback callback, ServiceOptions options) {
        String session = callback.data().getOrDefault("_ors_session_id", "");
        if (session.isBlank()) {
            return;
        }
        ors.terminateSession(ors.target(options.section(), callback.data()), session, "callback " + callback.id());
    }

    /** What the session starts with: the data and options the service runs with, and the callback's own fields. */
    static Map<String, String> sessionData(StoredCallback callback, ServiceOptions options) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("_id", callback.id());
        data.put("_service_name", callback.service());
        data.put("_desired_time", Times.format(callback.desiredTime()));
        data.put("_urs_virtual_queue", callback.queue());
        options.effective().forEach((key, value) -> {
            if (!SECRETS.contains(key)) {
                data.putIfAbsent(key, value);
            }
        });
        return data;
    }
}
