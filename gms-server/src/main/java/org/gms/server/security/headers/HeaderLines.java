package org.gms.server.security.headers;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.eclipse.jetty.http.HttpField;

/**
 * Header lines as options write them: {@code Name: value}, several separated by {@code |} (values such as
 * {@code Content-Security-Policy} contain {@code ;} and {@code ,}). Lines without a name or with a line break are
 * dropped, so a configuration cannot split a response.
 */
public final class HeaderLines {

    private HeaderLines() {
    }

    public static List<HttpField> parse(String value) {
        List<HttpField> fields = new ArrayList<>();
        for (String line : value.split("\\|")) {
            int colon = line.indexOf(':');
            if (colon <= 0 || line.indexOf('\r') >= 0 || line.indexOf('\n') >= 0) {
                continue;
            }
            String name = line.substring(0, colon).strip();
            if (name.matches("[A-Za-z0-9!#$%&'*+.^_`|~-]+")) {
                fields.add(new HttpField(name, line.substring(colon + 1).strip()));
            }
        }
        return Collections.unmodifiableList(fields);
    }
}
