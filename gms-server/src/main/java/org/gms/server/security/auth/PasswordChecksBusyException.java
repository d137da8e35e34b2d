package org.gms.server.security.auth;

import org.gms.core.error.ServiceUnavailableException;
import org.gms.core.error.WireName;

/**
 * A password could not be checked because too many checks are running or waiting: HTTP 503, retry later. Told apart
 * from a wrong password, so a legitimate user caught behind a flood of logins is not told its password is wrong.
 */
@WireName("org.gms.storage.error.ServiceUnavailableException")
public final class PasswordChecksBusyException extends ServiceUnavailableException {

    private static final long serialVersionUID = 1L;

    PasswordChecksBusyException() {
        super("Too many logins at once: the password could not be checked now, retry in a second");
    }
}
