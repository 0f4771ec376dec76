package org.switchboard.core.security;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The address a request comes from, for login throttling. {@code X-Forwarded-For} is believed only when the
 * connection comes from a proxy the installer named in {@code switchboard.trusted.proxies} /
 * {@code SWITCHBOARD_TRUSTED_PROXIES} (comma-separated addresses); by default it is ignored, since any client can
 * send it. Behind a trusted proxy, the client is the right-most address in the header that is not itself a proxy.
 */
public final class ClientAddress {

    private ClientAddress() {
    }

    public static Set<String> trustedProxies() {
        String value = System.getProperty("switchboard.trusted.proxies");
        if (value == null || value.isBlank()) {
            value = System.getenv("SWITCHBOARD_TRUSTED_PROXIES");
        }
        return value == null || value.isBlank() ? Set.of()
                : Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
    }

    public static String of(String remoteAddress, String forwardedFor, Set<String> trusted) {
        String address = remoteAddress == null ? "" : remoteAddress;
        if (!trusted.contains(address) || forwardedFor == null || forwardedFor.isBlank()) {
            return address;
        }
        String[] hops = forwardedFor.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].trim();
            if (!hop.isEmpty() && !trusted.contains(hop)) {
                return hop;
            }
        }
        return address;
    }

    /** Whether the browser talks HTTPS: to this server, or to a trusted proxy that says so in X-Forwarded-Proto. */
    public static boolean secure(boolean requestSecure, String remoteAddress, String forwardedProto,
            Set<String> trusted) {
        return requestSecure || (trusted.contains(remoteAddress == null ? "" : remoteAddress)
                && "https".equalsIgnoreCase(forwardedProto == null ? "" : forwardedProto.trim()));
    }
}
