package org.gms.callback.api;

import org.gms.core.error.GmsException;
import org.gms.core.error.WireName;

/**
 * A request that needed Orchestration Server and could not get an answer from it: HTTP 500 with the GMS exception
 * name. The callback executor and the ORS services throw the same type, so clients see one name.
 */
@WireName("com.genesyslab.gsg.services.ors.OrsServiceException")
public final class OrsServiceException extends GmsException {

    /** What GMS answers when no ORS of the list answers; clients and Genesys' own tests match it byte for byte. */
    public static final String CANNOT_CONNECT = "ORS request failed: cannot connect to ORS. IO issue.";
    private static final long serialVersionUID = 1L;

    public OrsServiceException(String message) {
        super(message);
    }

    /** No ORS of the list answered (connection refused, reset, timed out). */
    public static OrsServiceException cannotConnect() {
        return new OrsServiceException(CANNOT_CONNECT);
    }

    @Override
    public int status() {
        return 500;
    }

    /** The message is the fixed GMS text: an unreachable ORS is not a failure of ours to reference. */
    @Override
    public boolean referenced() {
        return false;
    }
}
