package org.gms.core.error;

/** Bad input from the client: HTTP 400 with the GMS exception name clients know. */
@WireName("com.genesyslab.gsg.GSGException")
public class BadRequestException extends GmsException {

    private static final long serialVersionUID = 1L;

    public BadRequestException(String message) {
        super(message);
    }

    @Override
    public int status() {
        return 400;
    }
}
