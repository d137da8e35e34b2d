package org.gms.push;

import java.util.ArrayList;
import java.util.List;

/** Subscription filters: an exact tag, or a prefix followed by {@code *} ({@code ors.contact.*}, {@code *}). */
public final class TagFilter {

    private TagFilter() {
    }

    public static boolean matches(String filter, String tag) {
        if (filter.endsWith("*")) {
            return tag.startsWith(filter.substring(0, filter.length() - 1));
        }
        return filter.equals(tag);
    }

    /** Every filter that can match {@code tag}: the tag itself and each of its prefixes followed by {@code *}. */
    public static List<String> candidates(String tag) {
        List<String> filters = new ArrayList<>(tag.length() + 2);
        filters.add(tag);
        for (int end = 0; end <= tag.length(); end++) {
            filters.add(tag.substring(0, end) + "*");
        }
        return filters;
    }
}
