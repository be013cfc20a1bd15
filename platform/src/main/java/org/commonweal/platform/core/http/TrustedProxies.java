package org.commonweal.platform.core.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The reverse proxies whose X-Forwarded-For and X-Request-Id we believe (TRUSTED_PROXIES: addresses and CIDR blocks,
 * IPv4 and IPv6). Each proxy appends the address it received the request from, so the header reads left to right from
 * the client towards us and only its right-hand end was written by proxies we know: the client is the right-most
 * address that is not one of ours, and a header from a peer that is not a trusted proxy is ignored altogether.
 */
public final class TrustedProxies {
    public static final TrustedProxies NONE = new TrustedProxies(List.of());
    /** What TRUST_PROXY=true means: a proxy on this host or on a private network. */
    public static final String LOCAL_AND_PRIVATE_NETWORKS = "127.0.0.0/8, ::1, 10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16, fc00::/7";
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("(?=.*:)[0-9A-Fa-f:][0-9A-Fa-f:.]*");

    private record Block(byte[] network, int prefixBits) {
        boolean contains(InetAddress address) {
            byte[] a = address.getAddress();
            if (a.length != network.length) return false;
            for (int bit = 0; bit < prefixBits; bit++) {
                int mask = 0x80 >>> (bit % 8);
                if ((a[bit / 8] & mask) != (network[bit / 8] & mask)) return false;
            }
            return true;
        }
    }

    private final List<Block> blocks;

    private TrustedProxies(List<Block> blocks) {
        this.blocks = blocks;
    }

    /** Parses a comma-separated list such as {@code 10.0.0.0/8, 2001:db8::/32, 192.0.2.7}; names the first bad entry. */
    public static TrustedProxies parse(String list) {
        List<Block> blocks = new ArrayList<>();
        for (String raw : list.split(",")) {
            String entry = raw.strip();
            if (entry.isEmpty()) continue;
            int slash = entry.indexOf('/');
            InetAddress network = literal(slash < 0 ? entry : entry.substring(0, slash))
                    .orElseThrow(() -> new IllegalArgumentException("'" + entry + "' is not an IP address or a CIDR block like 10.0.0.0/8"));
            int maxBits = network.getAddress().length * 8;
            int bits = maxBits;
            if (slash >= 0) {
                String prefix = entry.substring(slash + 1);
                bits = prefix.matches("\\d{1,3}") ? Integer.parseInt(prefix) : -1;
                if (bits < 0 || bits > maxBits) {
                    throw new IllegalArgumentException("'" + entry + "' has a prefix length outside 0 to " + maxBits);
                }
            }
            blocks.add(new Block(network.getAddress(), bits));
        }
        return new TrustedProxies(List.copyOf(blocks));
    }

    public boolean isEmpty() {
        return blocks.isEmpty();
    }

    /** Whether the peer address as the socket reports it is one of our proxies. */
    public boolean trusts(String address) {
        return literal(address).map(this::trusts).orElse(false);
    }

    private boolean trusts(InetAddress address) {
        return blocks.stream().anyMatch(b -> b.contains(address));
    }

    /**
     * The client's address: the peer itself unless it is a trusted proxy; then, reading the X-Forwarded-For values
     * (every header, in order) from the right, the first address that is not a trusted proxy. An entry that is not an
     * address stops the walk at the proxy that passed it on, so junk never reaches the rate limiter or the audit log.
     */
    public String clientAddress(String peer, List<String> forwardedFor) {
        if (!trusts(peer)) return peer;
        List<String> hops = new ArrayList<>();
        for (String header : forwardedFor) hops.addAll(List.of(header.split(",")));
        String client = peer;
        for (int i = hops.size() - 1; i >= 0; i--) {
            Optional<InetAddress> hop = literal(hops.get(i));
            if (hop.isEmpty()) break;
            client = hop.get().getHostAddress();
            if (!trusts(hop.get())) break;
        }
        return client;
    }

    /**
     * An IP address written as a literal ({@code 192.0.2.1}, {@code 2001:db8::1}, also {@code [2001:db8::1]:443} and
     * {@code 192.0.2.1:8080} as some proxies write them); never a host name, so parsing never asks DNS.
     */
    static Optional<InetAddress> literal(String text) {
        String s = text.strip();
        if (s.startsWith("[")) {
            int end = s.indexOf(']');
            if (end < 0) return Optional.empty();
            s = s.substring(1, end);
        } else if (s.indexOf(':') > 0 && s.indexOf(':') == s.lastIndexOf(':')) {
            s = s.substring(0, s.indexOf(':'));
        }
        if (IPV4.matcher(s).matches()) {
            for (String octet : s.split("\\.")) if (Integer.parseInt(octet) > 255) return Optional.empty();
        } else if (!IPV6.matcher(s).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(s));
        } catch (UnknownHostException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
