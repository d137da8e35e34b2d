package org.gms.core.config;

/** When a changed option value takes effect. */
public enum ReloadPolicy {
    /** Read once at start; a change is logged and applies after a restart. */
    RESTART,
    /** Applies within seconds of the file (or cluster override) changing. */
    IMMEDIATE
}
