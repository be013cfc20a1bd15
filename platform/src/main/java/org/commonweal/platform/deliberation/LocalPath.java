package org.commonweal.platform.deliberation;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A "return to" address from a form, accepted only as a path on this site: an absolute URL, a protocol-relative
 * "//host" or a backslash trick would turn the redirect after posting into an open redirect to another site.
 */
final class LocalPath {
    private static final Pattern SAFE = Pattern.compile("/(?![/\\\\])[A-Za-z0-9/_.~%:@!$&'()*+,;=?#-]{0,1999}");

    private LocalPath() {
    }

    static Optional<String> of(String value) {
        if (value == null || !SAFE.matcher(value).matches()) return Optional.empty();
        int hash = value.indexOf('#');
        return Optional.of(hash < 0 ? value : value.substring(0, hash));
    }
}
