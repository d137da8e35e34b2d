package org.gms.core.config;

/** Section families whose sections share one set of option declarations, such as {@code [service.<name>]}. */
public final class OptionFamily {

    /** {@code [service.<name>]}: built-in and ORS services, callbacks. */
    public static final String SERVICE = "service.*";

    private OptionFamily() {
    }

    /** The section-name prefix of a family: {@code service.} for {@code service.*}. */
    public static String prefix(String family) {
        return family.substring(0, family.length() - 1);
    }
}
