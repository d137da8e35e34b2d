package org.gms.core.config;

/** The kinds of values options hold; each knows what a valid value looks like. */
public enum OptionType {
    STRING,
    /** Never logged; may name a section that holds {@code password} (secret indirection). */
    SECRET,
    INTEGER,
    BOOLEAN,
    /** One of the option's valid values, compared without case. */
    ENUM,
    /** Comma-separated values. */
    LIST
}
