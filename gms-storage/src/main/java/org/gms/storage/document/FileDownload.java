package org.gms.storage.document;

import java.io.IOException;
import java.io.OutputStream;

/** A stored file ready to be sent: its metadata, and its bytes streamed from storage on demand. */
public final class FileDownload {

    private final String contentType;
    private final String fileName;
    private final long size;
    private final Body body;
    private final boolean file;

    FileDownload(String contentType, String fileName, long size, Body body, boolean file) {
        this.file = file;
        this.contentType = contentType;
        this.fileName = fileName;
        this.size = size;
        this.body = body;
    }

    public String contentType() {
        return contentType;
    }

    /** The uploaded file name, empty when there was none. */
    public String fileName() {
        return fileName;
    }

    /** False when the key holds text, served as UTF-8 rather than as an attachment. */
    public boolean isFile() {
        return file;
    }

    public long size() {
        return size;
    }

    /** Writes exactly {@link #size()} bytes, or fails when the stored chunks are incomplete. */
    public void writeTo(OutputStream out) throws IOException {
        body.writeTo(out);
    }

    @FunctionalInterface
    interface Body {
        void writeTo(OutputStream out) throws IOException;
    }
}
