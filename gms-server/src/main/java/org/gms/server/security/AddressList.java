package org.gms.server.security;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A list of IP addresses from an option, normalized so that {@code ::1} and {@code 0:0:0:0:0:0:0:1} are equal. */
public final class AddressList {

    private AddressList() {
    }

    public static List<String> parse(String commaSeparated) {
        List<String> addresses = new ArrayList<>();
        for (String entry : commaSeparated.split(",")) {
            String trimmed = entry.strip();
            if (!trimmed.isEmpty()) {
                addresses.add(normalize(trimmed));
            }
        }
        return Collections.unmodifiableList(addresses);
    }

    /** The canonical text of an IP literal; anything else (a host name) unchanged, never resolved. */
    public static String normalize(String address) {
        boolean literal = address.contains(":") || address.matches("[0-9.]+");
        if (!literal) {
            return address;
        }
        try {
            return InetAddress.getByName(address.replace("[", "").replace("]", "")).getHostAddress();
        } catch (UnknownHostException e) {
            return address;
        }
    }
}
