package org.gms.storage.resource;

import java.util.function.Supplier;

/**
 * Who asks for a resource.
 *
 * @param codes new access-code candidates; {@code null} when no access code is wanted (the number is then held
 *              exclusively, otherwise the pair number and code is)
 */
public record AllocationRequest(String serviceId, String phoneNumber, String gmsUser, Supplier<String> codes) {

    public boolean wantsCode() {
        return codes != null;
    }
}
