package org.gms.server.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a GMS-style INI file: {@code [section]} headers, {@code name = value} lines, comments starting with {@code ;}
 * or {@code #}. Section and option names keep their case; order is kept.
 */
public final class IniFile {

    private IniFile() {
    }

    public static Map<String, Map<String, String>> read(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    }

    public static Map<String, Map<String, String>> parse(String text, String source) {
        Map<String, Map<String, String>> sections = new LinkedHashMap<>();
        Map<String, String> current = null;
        int number = 0;
        for (String raw : text.split("\r?\n")) {
            number++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith(";") || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("[")) {
                if (!line.endsWith("]") || line.length() < 3) {
                    throw new IllegalArgumentException(source + ":" + number + ": malformed section header " + line);
                }
                current = sections.computeIfAbsent(line.substring(1, line.length() - 1).strip(),
                        name -> new LinkedHashMap<>());
                continue;
            }
            int equals = line.indexOf('=');
            // the line itself is never quoted: it may hold a password
            if (equals <= 0) {
                throw new IllegalArgumentException(source + ":" + number
                        + ": expected 'name = value' or a [section] header");
            }
            if (current == null) {
                throw new IllegalArgumentException(source + ":" + number + ": option ["
                        + line.substring(0, equals).strip() + "] comes before any [section] header");
            }
            current.put(line.substring(0, equals).strip(), line.substring(equals + 1).strip());
        }
        Map<String, Map<String, String>> frozen = new LinkedHashMap<>();
        sections.forEach((name, options) -> frozen.put(name, Collections.unmodifiableMap(options)));
        return Collections.unmodifiableMap(frozen);
    }
}
