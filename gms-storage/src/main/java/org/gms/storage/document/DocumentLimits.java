package org.gms.storage.document;

/**
 * Limits of one document. A document is written as one Cassandra mutation, so {@code maxKeys * maxValueBytes} must
 * stay well below half the commit log segment size of the cluster.
 *
 * @param maxKeys       keys a document may hold ({@code [storage] max-keys})
 * @param maxValueBytes UTF-8 bytes of one text value ({@code [storage] max-value-size}); files are bounded by
 *                      the upload limit instead
 */
public record DocumentLimits(int maxKeys, int maxValueBytes) {

    public static final int DEFAULT_MAX_KEYS = 100;
    public static final int DEFAULT_MAX_VALUE_BYTES = 32768;
    public static final DocumentLimits DEFAULT = new DocumentLimits(DEFAULT_MAX_KEYS, DEFAULT_MAX_VALUE_BYTES);

    public DocumentLimits {
        if (maxKeys < 1) {
            throw new IllegalArgumentException("Wrong value [" + maxKeys + "] for option [storage] max-keys");
        }
        if (maxValueBytes < 1) {
            throw new IllegalArgumentException("Wrong value [" + maxValueBytes + "] for option [storage] max-value-size");
        }
    }
}
