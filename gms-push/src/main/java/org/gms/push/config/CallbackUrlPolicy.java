package org.gms.push.config;

import static org.gms.core.config.ReloadPolicy.IMMEDIATE;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.gms.core.config.ConfigView;
import org.gms.core.config.Option;

/**
 * Where a subscriber may send the server's HTTP requests: the {@code deviceId} URL of an {@code httpcb} or
 * {@code orscb} subscription made through the API. By default it must not reach this host or the internal network:
 * loopback, unspecified ({@code 0.0.0.0}), link-local (cloud metadata at 169.254.169.254), private (10/8, 172.16/12,
 * 192.168/16, fc00::/7), shared (100.64/10) and multicast addresses are refused, in every spelling the resolver
 * accepts ({@code 2130706433}, {@code [::ffff:127.0.0.1]}, a name that resolves to one). An operator opts in with
 * {@code httpcb.allow_private_addresses}, or names the internal receivers allowed in {@code httpcb.allowed_hosts}.
 * Targets the operator configures (callback {@code _status_notification_target}, customhttp, FCM) are not checked.
 */
public record CallbackUrlPolicy(boolean allowPrivate, List<String> allowedHosts) {

    public static final List<Option> OPTIONS = List.of(
            Option.bool(PushConfiguration.SECTION, "httpcb.allow_private_addresses", false, IMMEDIATE,
                    "true: httpcb/orscb subscriptions may point at loopback, private and link-local addresses"
                            + " (this host, the internal network); false: they are refused with 400."),
            Option.list(PushConfiguration.SECTION, "httpcb.allowed_hosts", "", IMMEDIATE,
                    "Host names or addresses that httpcb/orscb subscription URLs may reach even when they are"
                            + " private (internal receivers)."));

    public CallbackUrlPolicy {
        allowedHosts = allowedHosts.stream().map(host -> host.strip().toLowerCase(Locale.ROOT))
                .filter(host -> !host.isEmpty()).toList();
    }

    public static CallbackUrlPolicy from(ConfigView config) {
        return new CallbackUrlPolicy(config.boolValue(PushConfiguration.SECTION, "httpcb.allow_private_addresses"),
                config.listValue(PushConfiguration.SECTION, "httpcb.allowed_hosts"));
    }

    /** Why the URL may not be a subscriber's callback; empty when it may. */
    public Optional<String> refusal(String url) {
        URI uri;
        try {
            uri = URI.create(url.strip());
        } catch (IllegalArgumentException e) {
            return Optional.of("notificationDetails.deviceId is not a valid URL");
        }
        // a host the URI grammar does not take as one (2130706433) is still one for a resolver: check it too
        String host = uri.getHost() != null ? uri.getHost() : hostOf(uri.getRawAuthority());
        if (host == null || host.isEmpty()) {
            return Optional.of("notificationDetails.deviceId has no host");
        }
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (allowPrivate || allowedHosts.contains(bare.toLowerCase(Locale.ROOT))) {
            return Optional.empty();
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(bare);
        } catch (UnknownHostException e) {
            return Optional.of("notificationDetails.deviceId: host [" + host + "] cannot be resolved");
        }
        for (InetAddress address : addresses) {
            if (allowedHosts.contains(address.getHostAddress().toLowerCase(Locale.ROOT))) {
                continue;
            }
            if (internal(address)) {
                return Optional.of("notificationDetails.deviceId [" + host + "] points at a loopback, private or"
                        + " link-local address: set [push] httpcb.allowed_hosts (or httpcb.allow_private_addresses)"
                        + " to allow internal receivers");
            }
        }
        return Optional.empty();
    }

    private static String hostOf(String authority) {
        if (authority == null) {
            return null;
        }
        String host = authority.substring(authority.lastIndexOf('@') + 1);
        int colon = host.lastIndexOf(':');
        return colon > host.lastIndexOf(']') ? host.substring(0, colon) : host;
    }

    static boolean internal(InetAddress address) {
        if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = bytes[0] & 0xff;
            int second = bytes[1] & 0xff;
            // 0.0.0.0/8 ("this network"), 100.64.0.0/10 (shared, carrier NAT), 198.18.0.0/15 (benchmarking)
            return first == 0 || first == 100 && second >= 64 && second < 128 || first == 198 && (second & 0xfe) == 18;
        }
        if (address instanceof Inet6Address) {
            // fc00::/7 unique local; ::ffff:a.b.c.d and ::a.b.c.d carry an IPv4 address
            if ((bytes[0] & 0xfe) == 0xfc) {
                return true;
            }
            boolean zeroPrefix = true;
            for (int index = 0; index < 10; index++) {
                zeroPrefix &= bytes[index] == 0;
            }
            boolean mapped = zeroPrefix && (bytes[10] == 0 && bytes[11] == 0 || bytes[10] == (byte) 0xff
                    && bytes[11] == (byte) 0xff);
            if (mapped) {
                try {
                    return internal(InetAddress.getByAddress(java.util.Arrays.copyOfRange(bytes, 12, 16)));
                } catch (UnknownHostException e) {
                    return true;
                }
            }
        }
        return false;
    }
}
