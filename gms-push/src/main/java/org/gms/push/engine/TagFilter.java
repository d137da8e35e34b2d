package org.gms.push.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

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

    /**
     * Every filter that can match {@code tag}, given the lengths of the prefixes of the wildcard filters in use: the tag
     * itself and, for each such length, the tag's prefix of that length followed by {@code *}.
     */
    public static List<String> candidates(String tag, Collection<Integer> wildcardPrefixLengths) {
        List<String> filters = new ArrayList<>(wildcardPrefixLengths.size() + 1);
        filters.add(tag);
        filters.addAll(wildcards(tag, wildcardPrefixLengths));
        return filters;
    }

    /** The wildcard filters of the given prefix lengths that can match {@code tag}: its prefixes followed by *. */
    public static List<String> wildcards(String tag, Collection<Integer> wildcardPrefixLengths) {
        List<String> filters = new ArrayList<>(wildcardPrefixLengths.size());
        for (int length : new TreeSet<>(wildcardPrefixLengths)) {
            if (length >= 0 && length <= tag.length()) {
                filters.add(tag.substring(0, length) + "*");
            }
        }
        return filters;
    }
}
