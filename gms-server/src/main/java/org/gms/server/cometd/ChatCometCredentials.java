package org.gms.server.cometd;

import java.util.Optional;
import java.util.function.Supplier;
import org.gms.chat.cometd.ChatCredentials;
import org.gms.server.security.auth.AccessRule;
import org.gms.server.security.auth.AuthSettings;
import org.gms.server.security.auth.BasicCredentials;

/**
 * The Basic authentication of a chat service, for CometD {@code requestChat}: what {@code /genesys/2/chat/<service>}
 * asks of a REST client ({@code disable_authentication=false} and the credentials of {@code [chat.<service>]},
 * {@code [chat]} or {@code [server]}), read per request.
 */
public final class ChatCometCredentials implements ChatCredentials {

    private final Supplier<AuthSettings> settings;

    public ChatCometCredentials(Supplier<AuthSettings> settings) {
        this.settings = settings;
    }

    @Override
    public boolean accepts(String service, Optional<Credentials> given) {
        AccessRule rule = AccessRule.of(AccessRule.CONTEXT + "/2/chat/" + service, settings.get());
        if (rule instanceof AccessRule.Basic basic) {
            return basic.accepts(given.map(credentials -> new BasicCredentials(credentials.username(),
                    credentials.password())));
        }
        return rule instanceof AccessRule.Open;
    }
}
