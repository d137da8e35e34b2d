package org.gms.server.storage;

import static org.gms.core.config.ReloadPolicy.IMMEDIATE;
import static org.gms.core.config.ReloadPolicy.RESTART;

import java.util.List;
import org.gms.core.config.ConfigView;
import org.gms.core.config.Option;
import org.gms.storage.document.DocumentLimits;

/**
 * The Storage API limits: the upload size ({@code [server] max-file-upload}, read at start) and the per-document
 * limits of {@code [storage]} (applied at once).
 */
public record StorageApiSettings(long maxFileUpload, int maxKeys, int maxValueSize) {

    public static final List<Option> OPTIONS = List.of(
            Option.integer("server", "max-file-upload", 5000000, 1, Integer.MAX_VALUE, RESTART,
                    "Largest request body, in bytes, accepted by the Storage API (uploads); larger ones get 413."),
            Option.integer("storage", "max-keys", 100, 1, 10000, IMMEDIATE,
                    "Keys one storage document may hold; more get 400."),
            Option.integer("storage", "max-value-size", 32768, 1, 1048576, IMMEDIATE,
                    "UTF-8 bytes of one text value; larger get 413 (files are bounded by max-file-upload)."));

    public static StorageApiSettings from(ConfigView config) {
        return new StorageApiSettings(config.longValue("server", "max-file-upload"),
                config.intValue("storage", "max-keys"), config.intValue("storage", "max-value-size"));
    }

    public DocumentLimits limits() {
        return new DocumentLimits(maxKeys, maxValueSize);
    }
}
