package org.commonweal.platform.core.http;

import java.util.Optional;

/**
 * The one check on a redirect target taken from a request (the {@code next} after signing in, a {@code return} after
 * posting a comment): only an absolute path on this site, written in characters that mean the same to every browser.
 * An allowlist, because browsers drop tabs and newlines, read a backslash as a slash and follow "//host" off-site;
 * a blocklist of those tricks was bypassed once already ({@code /%09/evil.example}).
 */
public final class LocalPath {
    private static final int MAX_LENGTH = 2000;
    /** RFC 3986 unreserved and sub-delims, ':' '@' '/' '?' and '%' (checked below): no space, control, backslash or quote mark. */
    private static final String ALLOWED = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~!$&'()*+,;=:@/?%";

    private LocalPath() {
    }

    /** The path with any fragment dropped, or empty when it is not a plain path on this site. */
    public static Optional<String> of(String value) {
        if (value == null) return Optional.empty();
        int hash = value.indexOf('#');
        String target = hash < 0 ? value : value.substring(0, hash);
        if (target.isEmpty() || target.length() > MAX_LENGTH || target.charAt(0) != '/') return Optional.empty();
        int query = target.indexOf('?');
        String path = query < 0 ? target : target.substring(0, query);
        // "//host" leaves the site; an empty segment anywhere else is never a page of ours.
        if (path.contains("//")) return Optional.empty();
        for (int i = 0; i < target.length(); i++) {
            char c = target.charAt(i);
            if (ALLOWED.indexOf(c) < 0) return Optional.empty();
            if (c == '%' && !safeEscape(target, i, i < path.length())) return Optional.empty();
        }
        return Optional.of(target);
    }

    /** A %XX escape of a printable character; in the path not a slash or backslash either, which a decoding proxy could turn into "//". */
    private static boolean safeEscape(String s, int at, boolean inPath) {
        if (at + 2 >= s.length()) return false;
        int hi = Character.digit(s.charAt(at + 1), 16);
        int lo = Character.digit(s.charAt(at + 2), 16);
        if (hi < 0 || lo < 0) return false;
        int b = hi * 16 + lo;
        if (b < 0x20 || b == 0x7f) return false;
        return !inPath || (b != '/' && b != '\\');
    }
}
