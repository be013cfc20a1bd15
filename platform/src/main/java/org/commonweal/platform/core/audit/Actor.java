package org.commonweal.platform.core.audit;

/** Who did something and from where, for the audit log. accountId is null for a visitor. */
public record Actor(Long accountId, String ip, String requestId) {
    public static final Actor SYSTEM = new Actor(null, "system", "system");
}
