package org.gms.server.security;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.List;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;

/**
 * The address of the client behind a request. {@code X-Forwarded-For} is believed only when the connection comes from a
 * trusted proxy, since any client can send that header; then the right-most address that is not itself a trusted
 * proxy is the client.
 */
public final class ClientAddress {

    private ClientAddress() {
    }

    public static String of(Request request, List<String> trustedProxies) {
        String peer = peer(request);
        if (trustedProxies.isEmpty() || !trustedProxies.contains(peer)) {
            return peer;
        }
        List<String> forwarded = request.getHeaders().getValuesList(HttpHeader.X_FORWARDED_FOR);
        String client = peer;
        for (int line = forwarded.size() - 1; line >= 0; line--) {
            String[] hops = forwarded.get(line).split(",");
            for (int hop = hops.length - 1; hop >= 0; hop--) {
                String address = hops[hop].strip();
                if (address.isEmpty()) {
                    continue;
                }
                client = AddressList.normalize(address);
                if (!trustedProxies.contains(client)) {
                    return client;
                }
            }
        }
        return client;
    }

    /** The connection's peer address, without brackets or port. */
    public static String peer(Request request) {
        SocketAddress remote = request.getConnectionMetaData().getRemoteSocketAddress();
        if (remote instanceof InetSocketAddress inet && inet.getAddress() != null) {
            return inet.getAddress().getHostAddress();
        }
        return String.valueOf(remote);
    }
}
