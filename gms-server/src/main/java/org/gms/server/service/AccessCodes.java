package org.gms.server.service;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.gms.core.error.BadRequestException;

/**
 * Prefixes from {@code [server] access_code_prefix} (values and ranges such as {@code 455, 456-458}; empty: the
 * node id) and access codes: a prefix followed by random digits, {@code _access_code_length} digits in all.
 */
final class AccessCodes {

    private static final int MAX_RANGE_VALUES = 10_000;

    private AccessCodes() {
    }

    /** The prefixes the option allows; the node id when it is empty or unusable. */
    static List<String> prefixes(String option, int nodeId) {
        List<String> prefixes = new ArrayList<>();
        for (String part : option.split(",")) {
            String trimmed = part.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            String[] bounds = trimmed.split("-");
            try {
                long first = Long.parseLong(bounds[0].trim());
                long last = bounds.length > 1 ? Long.parseLong(bounds[1].trim()) : first;
                for (long value = first; value <= last && prefixes.size() < MAX_RANGE_VALUES; value++) {
                    prefixes.add(Long.toString(value));
                }
            } catch (NumberFormatException e) {
                // a bad entry is skipped; the option's other entries (or the node id) still apply
            }
        }
        if (prefixes.isEmpty()) {
            prefixes.add(Integer.toString(nodeId));
        }
        return prefixes;
    }

    static String pick(List<String> prefixes) {
        return prefixes.get(ThreadLocalRandom.current().nextInt(prefixes.size()));
    }

    /** A code of {@code length} digits that starts with {@code prefix}. */
    static String code(String prefix, int length) {
        int random = length - prefix.length();
        if (random <= 0) {
            // the length is a request parameter (or a section default it may override): a client mistake, not a fault
            throw new BadRequestException("Parameter [_access_code_length] " + length + " leaves no digit after the"
                    + " access code prefix [" + prefix + "]: use at least " + (prefix.length() + 1));
        }
        StringBuilder code = new StringBuilder(prefix);
        for (int digit = 0; digit < random; digit++) {
            code.append((char) ('0' + ThreadLocalRandom.current().nextInt(10)));
        }
        return code.toString();
    }
}
