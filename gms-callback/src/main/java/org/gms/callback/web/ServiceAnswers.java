package org.gms.callback.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.gms.callback.ors.OrsAnswer;
import org.gms.core.http.Responses;

/** Writes what a service answered: a built-in service's value as JSON, ORS's answer relayed as it came. */
public final class ServiceAnswers {

    private ServiceAnswers() {
    }

    /** {@code answer}: a JSON value, or an {@link OrsAnswer}. */
    public static void write(Responses responses, HttpServletRequest request, HttpServletResponse response,
                             Object answer) throws IOException {
        if (answer instanceof OrsAnswer relayed) {
            relay(responses, request, response, relayed);
        } else {
            responses.json(request, response, answer);
        }
    }

    /** ORS's answer to an ORS service, status and body as ORS sent them; a JSON one in our JSON content type. */
    private static void relay(Responses responses, HttpServletRequest request, HttpServletResponse response,
                              OrsAnswer answer) throws IOException {
        String type = answer.contentType();
        String contentType = type.isBlank() || type.toLowerCase(Locale.ROOT).contains("json") ? Responses.JSON : type;
        responses.write(request, response, answer.status(), contentType,
                answer.body().getBytes(StandardCharsets.UTF_8));
    }
}
