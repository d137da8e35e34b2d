package org.gms.server.service;

import org.gms.storage.error.GmsException;

/** A service option that makes a built-in service fail the way GMS does (HTTP 500, IllegalArgumentException). */
final class InternalArgumentException extends GmsException {

    private static final long serialVersionUID = 1L;

    InternalArgumentException(String message) {
        super(message);
    }

    @Override
    public int status() {
        return 500;
    }

    @Override
    public String wireName() {
        return "java.lang.IllegalArgumentException";
    }
}
