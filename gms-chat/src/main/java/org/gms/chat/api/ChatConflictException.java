package org.gms.chat.api;

import org.gms.core.error.GmsException;
import org.gms.core.error.WireName;

/** 409: another agent came first (accept), or the chat is not in a state that allows the agent's operation. */
@WireName("org.gms.chat.ChatConflictException")
public final class ChatConflictException extends GmsException {

    private static final long serialVersionUID = 1L;

    public ChatConflictException(String message) {
        super(message);
    }

    @Override
    public int status() {
        return 409;
    }
}
