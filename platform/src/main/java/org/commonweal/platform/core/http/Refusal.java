package org.commonweal.platform.core.http;

/**
 * Why a service said no, in the kinds every route answers the same way (see {@link Web#refuse}): what the request
 * names does not exist (404), the user may not (403), the user is banned from posting (403, saying until when), the
 * object's state no longer allows it (409: voting or a consultation closed, a comment too old to edit, a report
 * already made), or the form has errors (422, the form again).
 */
public enum Refusal {
    NOT_FOUND(404), FORBIDDEN(403), BANNED(403), CLOSED(409), TOO_LATE(409), ALREADY_DONE(409), INVALID(422);

    private final int status;

    Refusal(int status) {
        this.status = status;
    }

    public int status() {
        return status;
    }

    /**
     * The rule every author's change to their own item follows (editing or withdrawing a proposal, a problem, a
     * solution): the item exists, it is theirs, and it is still open to change; the first that fails is the refusal.
     * @param authorId the item's author, null once their account is deleted
     */
    public static java.util.Optional<Refusal> ofAuthorChange(boolean exists, Long authorId, long accountId, boolean open) {
        if (!exists) return java.util.Optional.of(NOT_FOUND);
        if (authorId == null || authorId != accountId) return java.util.Optional.of(FORBIDDEN);
        if (!open) return java.util.Optional.of(CLOSED);
        return java.util.Optional.empty();
    }
}
