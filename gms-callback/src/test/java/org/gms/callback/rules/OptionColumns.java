package org.gms.callback.rules;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The option columns of a table row: {@code absent} leaves the option out, {@code ""} sets it empty. */
final class OptionColumns {

    private OptionColumns() {
    }

    static Map<String, String> section(String columns, List<String> names) {
        String[] values = columns.trim().split("\\s+");
        if (values.length != names.size()) {
            throw new IllegalArgumentException("expected " + names + " in [" + columns + "]");
        }
        Map<String, String> section = new LinkedHashMap<>();
        for (int index = 0; index < values.length; index++) {
            if (values[index].equals("\"\"")) {
                section.put(names.get(index), "");
            } else if (!values[index].equals("absent")) {
                section.put(names.get(index), values[index]);
            }
        }
        return section;
    }
}
