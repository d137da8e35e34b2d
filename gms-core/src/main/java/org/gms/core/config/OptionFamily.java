package org.gms.core.config;

/** Section families whose sections share one set of option declarations: {@code [service.<name>]}, {@code [chat.<name>]}. */
public final class OptionFamily {

    /** {@code [service.<name>]}: built-in and ORS services, callbacks. */
    public static final String SERVICE = "service.*";
    /** {@code [chat.<name>]}: chat services, over {@code [chat]}. */
    public static final String CHAT = "chat.*";

    private OptionFamily() {
    }

    /** The section-name prefix of a family: {@code service.} for {@code service.*}. */
    public static String prefix(String family) {
        return family.substring(0, family.length() - 1);
    }
}
