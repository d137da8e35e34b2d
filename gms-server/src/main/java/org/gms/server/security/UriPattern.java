package org.gms.server.security;

/**
 * A GMS URI pattern: {@code /genesys/1/storage*} matches every path starting with {@code /genesys/1/storage}; a
 * pattern without a trailing {@code *} matches that path only. The longer pattern is the more specific one.
 */
public record UriPattern(String text) implements Comparable<UriPattern> {

    public UriPattern {
        text = text.strip();
    }

    public boolean matches(String path) {
        if (text.endsWith("*")) {
            return path.startsWith(text.substring(0, text.length() - 1));
        }
        return path.equals(text);
    }

    /** More specific first, so the first match of a sorted list wins. */
    @Override
    public int compareTo(UriPattern other) {
        int byLength = Integer.compare(other.text.length(), text.length());
        return byLength != 0 ? byLength : text.compareTo(other.text);
    }
}
