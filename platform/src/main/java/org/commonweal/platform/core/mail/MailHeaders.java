package org.commonweal.platform.core.mail;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Extra header fields a queued mail may carry (RFC 5322 section 2.2). A value with CR or LF would let whoever controls
 * it add header fields or a body of their own (header injection), so it is refused on the way into the outbox and again
 * on the way out; the fields the sender writes itself cannot be replaced.
 */
public final class MailHeaders {
    private static final Set<String> SENDERS_OWN = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);

    static {
        SENDERS_OWN.addAll(Set.of("From", "To", "Cc", "Bcc", "Subject", "Sender", "Reply-To", "Date", "Message-ID", "MIME-Version",
                "Content-Type", "Content-Transfer-Encoding"));
    }

    private MailHeaders() {
    }

    /** Throws {@link IllegalArgumentException} unless every name is a plain field name and every value one line. */
    public static Map<String, String> check(Map<String, String> headers) {
        for (var h : headers.entrySet()) {
            String name = h.getKey();
            String value = h.getValue();
            if (name == null || name.isEmpty() || !name.chars().allMatch(c -> c > 32 && c < 127 && c != ':')) {
                throw new IllegalArgumentException("mail header name '" + name + "' is not a field name");
            }
            if (SENDERS_OWN.contains(name)) throw new IllegalArgumentException("mail header " + name + " is set by the sender");
            if (value == null || value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("mail header " + name + " must be one line without CR or LF");
            }
        }
        return headers;
    }
}
