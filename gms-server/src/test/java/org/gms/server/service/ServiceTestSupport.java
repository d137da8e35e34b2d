package org.gms.server.service;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.gms.server.HttpTestClient;
import org.gms.server.TestServers;

/** Shared set-up of the service API tests: service sections and resource groups as gms.ini would hold them. */
final class ServiceTestSupport {

    static final ObjectMapper JSON = new ObjectMapper();

    private ServiceTestSupport() {
    }

    static TestServers builtin(TestServers builder, String name, String service, String... options) {
        builder.option("service." + name, "_type", "builtin").option("service." + name, "_service", service);
        for (int index = 0; index < options.length; index += 2) {
            builder.option("service." + name, options[index], options[index + 1]);
        }
        return builder;
    }

    static Map<String, String> group(String strategy, int timeoutSeconds, String... numbers) {
        Map<String, String> group = new LinkedHashMap<>();
        group.put("_allocation_strategy", strategy);
        group.put("_booking_expiration_timeout", Integer.toString(timeoutSeconds));
        for (int index = 0; index < numbers.length; index++) {
            group.put("number" + index, numbers[index]);
        }
        return group;
    }

    static Map<String, Object> object(HttpResponse<String> response) {
        try {
            return JSON.readValue(response.body(), new TypeReference<>() { });
        } catch (IOException e) {
            throw new UncheckedIOException("Not a JSON object: " + response.body(), e);
        }
    }

    static List<Map<String, Object>> array(HttpResponse<String> response) {
        try {
            return JSON.readValue(response.body(), new TypeReference<>() { });
        } catch (IOException e) {
            throw new UncheckedIOException("Not a JSON array: " + response.body(), e);
        }
    }

    static HttpResponse<String> post(HttpTestClient http, String path, String gmsUser, String... fields) {
        StringJoiner body = new StringJoiner("&");
        for (int index = 0; index < fields.length; index += 2) {
            body.add(URLEncoder.encode(fields[index], StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(fields[index + 1], StandardCharsets.UTF_8));
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(http.uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        if (gmsUser != null) {
            request.header("gms_user", gmsUser);
        }
        return http.send(request);
    }
}
