package org.gms.chat.api;

/**
 * A chat operation refused: the v2 answer carries {@code statusCode} 2 (or 1 when the client may retry) and
 * {@code errors:[{code, advice}]}. Nothing was changed.
 */
public final class ChatException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** A parameter is missing or malformed. */
    public static final int BAD_REQUEST = 101;
    /** No chat with that id, or the secure key does not match (the same answer, so ids cannot be probed). */
    public static final int NOT_FOUND = 102;
    /** The chat has ended. */
    public static final int ENDED = 103;
    /** A limit (size, rate, transcript length, open chats) refuses the operation. */
    public static final int LIMIT = 104;
    /** A file operation is refused. */
    public static final int FILE = 105;
    /** The operation is not possible in the chat's state (a file before an agent joined, ...). */
    public static final int STATE = 106;
    /** The credentials a chat service asks for are missing or wrong (CometD {@code requestChat auth}). */
    public static final int UNAUTHORIZED = 401;
    /** The storage or another node could not be reached: retry. */
    public static final int UNAVAILABLE = 200;

    private final int code;
    private final boolean retry;

    public ChatException(int code, String advice) {
        this(code, advice, false);
    }

    public ChatException(int code, String advice, boolean retry) {
        super(advice);
        this.code = code;
        this.retry = retry;
    }

    public int code() {
        return code;
    }

    public String advice() {
        return getMessage();
    }

    /** {@code statusCode} of the answer: 1 (retry) or 2 (permanent). */
    public int statusCode() {
        return retry ? 1 : 2;
    }

    public static ChatException notFound() {
        return new ChatException(NOT_FOUND, "Chat session not found, or its secureKey does not match");
    }

    public static ChatException badRequest(String advice) {
        return new ChatException(BAD_REQUEST, advice);
    }
}
