package de.amtsdesk.core.policy;

import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * The HTTP proxy of the admin policy ({@code host:port}, an IPv6 host in brackets). Every connection of the app goes
 * through it: the JDK's HTTP clients follow the default {@link ProxySelector}, which {@link #install()} sets; libraries
 * with their own HTTP stack (DSS's time-stamp requests) ask {@link #forUri(URI)}.
 */
public record ProxyAddress(String host, int port) {

    public ProxyAddress {
        Objects.requireNonNull(host, "host");
        if (host.isBlank() || port < 1 || port > 65535) {
            throw new IllegalArgumentException("not a proxy address: " + host + ":" + port);
        }
    }

    /** Parses a value {@link PolicyKey#PROXY} accepted. */
    public static ProxyAddress parse(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("not host:port: " + hostPort);
        }
        String host = hostPort.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        return new ProxyAddress(host, Integer.parseInt(hostPort.substring(colon + 1)));
    }

    /**
     * Makes this proxy the JVM's default for every address, loopback included: the admin decides where traffic goes,
     * and a selector built from {@code http.proxyHost} would silently bypass it for some hosts.
     */
    public void install() {
        // Unresolved: the name is looked up when a connection is made, through the system resolver, not at start.
        ProxySelector.setDefault(ProxySelector.of(InetSocketAddress.createUnresolved(host, port)));
    }

    /** The HTTP proxy the JVM's default selector names for {@code uri}; empty for a direct connection. */
    public static Optional<ProxyAddress> forUri(URI uri) {
        ProxySelector selector = ProxySelector.getDefault();
        if (selector == null) {
            return Optional.empty();
        }
        for (Proxy proxy : selector.select(uri)) {
            if (proxy.type() == Proxy.Type.HTTP && proxy.address() instanceof InetSocketAddress address) {
                return Optional.of(new ProxyAddress(address.getHostString(), address.getPort()));
            }
        }
        return Optional.empty();
    }
}
