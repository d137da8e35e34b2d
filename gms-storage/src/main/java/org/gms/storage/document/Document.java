package org.gms.storage.document;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A live document: its keys in key order and the instant it expires. */
public record Document(String id, Instant expiresAt, Map<String, DocumentValue> values) {

    public Document {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }
}
