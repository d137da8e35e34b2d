package org.gms.chat.cometd;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * Whether a chat of a service may be requested over CometD with the credentials of its {@code auth} object: the
 * same Basic authentication the REST chat API asks of {@code /genesys/2/chat/<service>} (the server decides it from
 * its configuration).
 */
@FunctionalInterface
public interface ChatCredentials {

    /** Every service is open. */
    ChatCredentials OPEN = (service, given) -> true;

    /**
     * @param service the chat service of the channel
     * @param given   the credentials of the request's {@code auth} object; empty when it has none
     */
    boolean accepts(String service, Optional<Credentials> given);

    /** A user name and password, as Basic authentication carries them. */
    record Credentials(String username, String password) {

        @Override
        public String toString() {
            return "Credentials[" + username + ", ****]";
        }

        /**
         * The credentials of an {@code auth} object: {@code {"encoded":"<base64 user:password>"}} (the iOS library)
         * or {@code {"username","password"}} (JavaScript clients); empty when it is absent or malformed.
         */
        public static Optional<Credentials> of(Object auth) {
            if (!(auth instanceof Map<?, ?> fields)) {
                return Optional.empty();
            }
            Object encoded = fields.get("encoded");
            if (encoded instanceof String text && !text.isBlank()) {
                try {
                    String decoded = new String(Base64.getDecoder().decode(text.strip()), StandardCharsets.UTF_8);
                    int colon = decoded.indexOf(':');
                    return colon < 0 ? Optional.empty()
                            : Optional.of(new Credentials(decoded.substring(0, colon), decoded.substring(colon + 1)));
                } catch (IllegalArgumentException e) {
                    return Optional.empty();
                }
            }
            Object username = fields.get("username");
            Object password = fields.get("password");
            if (username == null && password == null) {
                return Optional.empty();
            }
            return Optional.of(new Credentials(username == null ? "" : username.toString(),
                    password == null ? "" : password.toString()));
        }
    }
}
