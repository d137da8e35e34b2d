package org.gms.storage.tls;

import java.util.Locale;

/** TLS toward one outgoing target: none, server certificate checked, or both sides presenting a certificate. */
public enum TlsMode {
    OFF,
    SINGLE,
    MUTUAL;

    public static TlsMode parse(String text) {
        return valueOf(text.strip().toUpperCase(Locale.ROOT));
    }
}
