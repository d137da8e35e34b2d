package org.gms.chat.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.gms.chat.api.ChatException;

/** What the chat servlets read of a form or multipart body: fields, {@code userData[<key>]} entries, positions. */
public final class ChatForms {

    private static final String USER_DATA = "userData[";

    private ChatForms() {
    }

    public static Map<String, String> fields(HttpServletRequest request) {
        Map<String, String> fields = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, values) -> {
            if (values.length > 0) {
                fields.put(name, values[0]);
            }
        });
        return fields;
    }

    /** The {@code userData[<key>]=<value>} entries of a form. */
    public static Map<String, String> userData(Map<String, String> fields) {
        Map<String, String> data = new LinkedHashMap<>();
        fields.forEach((name, value) -> {
            if (name.startsWith(USER_DATA) && name.endsWith("]") && name.length() > USER_DATA.length() + 1) {
                data.put(name.substring(USER_DATA.length(), name.length() - 1), value);
            }
        });
        return data;
    }

    /** {@code transcriptPosition}, or null when absent; a malformed one is refused. */
    public static Integer position(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            int position = Integer.parseInt(value.trim());
            if (position < 0) {
                throw new NumberFormatException();
            }
            return position;
        } catch (NumberFormatException e) {
            throw ChatException.badRequest("transcriptPosition must be a non-negative integer");
        }
    }
}
