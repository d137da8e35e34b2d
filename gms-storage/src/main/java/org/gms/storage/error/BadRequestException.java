package org.gms.storage.error;

/** Bad input from the client: HTTP 400 with the GMS exception name clients know. */
public class BadRequestException extends GmsException {

    private static final long serialVersionUID = 1L;

    public BadRequestException(String message) {
        super(message);
    }

    @Override
    public int status() {
        return 400;
    }

    @Override
    public String wireName() {
        return "com.genesyslab.gsg.GSGException";
    }
}
