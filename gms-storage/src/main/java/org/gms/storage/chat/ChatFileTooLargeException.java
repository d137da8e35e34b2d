package org.gms.storage.chat;

/**
 * An uploaded file was longer than the caller allowed. Nothing of it is kept: no row was written and its chunks are
 * removed. A rejection of the request (the chat engine answers it), not a storage failure.
 */
public class ChatFileTooLargeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final long maxBytes;

    public ChatFileTooLargeException(long maxBytes) {
        super("The file is larger than " + maxBytes + " bytes");
        this.maxBytes = maxBytes;
    }

    public long maxBytes() {
        return maxBytes;
    }
}
