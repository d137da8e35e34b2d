package org.gms.storage.document;

import java.io.IOException;
import java.io.InputStream;

/** One key sent by a client: a text value, or a file (a multipart part with a file name). */
public sealed interface DocumentField permits DocumentField.Text, DocumentField.File {

    String key();

    record Text(String key, String value) implements DocumentField {
    }

    /**
     * @param contentType as the client sent it; {@code application/octet-stream} when it sent none
     * @param fileName    the file name the client sent, possibly empty
     */
    record File(String key, String contentType, String fileName, FileSource content) implements DocumentField {
    }

    /** Opens the uploaded bytes; the storage reads them once, in chunks. */
    @FunctionalInterface
    interface FileSource {
        InputStream open() throws IOException;
    }
}
