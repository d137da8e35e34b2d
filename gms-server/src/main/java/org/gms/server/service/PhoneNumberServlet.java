package org.gms.server.service;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import org.gms.callback.phone.PhoneNumbers;
import org.gms.core.error.BadRequestException;
import org.gms.core.http.GmsServlet;
import org.gms.core.http.Responses;

/** {@code GET /genesys/1/phonenumber?number=&country=&geocodingLocale=}. */
final class PhoneNumberServlet extends GmsServlet {

    private static final long serialVersionUID = 1L;

    PhoneNumberServlet(Responses responses) {
        super(responses);
    }

    @Override
    protected Set<String> methods() {
        return Set.of("GET");
    }

    @Override
    protected void handle(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Map<String, String> query = RequestParameters.of(request);
        String number = query.getOrDefault("number", "").trim();
        if (number.isEmpty()) {
            throw new BadRequestException("Parameter [number] is mandatory");
        }
        responses.json(request, response, PhoneNumbers.describe(number, query.get("country"),
                query.get("geocodingLocale")));
    }
}
