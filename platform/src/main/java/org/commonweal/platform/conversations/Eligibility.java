package org.commonweal.platform.conversations;

import org.commonweal.platform.core.accounts.Residence;
import org.commonweal.platform.core.http.CurrentUser;
import org.jdbi.v3.core.Handle;

/**
 * Who may take part in a conversation. Anyone, signed in or not, where it is open to anonymous participants; otherwise
 * an account; and where it is for verified residents only, an account whose home place core's {@link Residence} has
 * verified (by a letter's code or at a council desk). Pages ask {@link #barrier} to say why and what to do; the vote's
 * and the statement's transactions ask {@link #admits} again with the verification held, so a change of home (which
 * drops it) cannot slip between the check and the write.
 */
final class Eligibility {
    private final Residence residence;

    Eligibility(Residence residence) {
        this.residence = residence;
    }

    /** What stands between the user (null: a visitor) and voting in the conversation; null when nothing does. */
    VoteCard.Barrier barrier(Conversation c, CurrentUser user) {
        if (user == null) return c.anonymousAllowed() ? null : VoteCard.Barrier.SIGN_IN;
        if (c.verifiedOnly() && residence.verifiedHome(user.id()).isEmpty()) return VoteCard.Barrier.VERIFY;
        return null;
    }

    /** Whether the participant may vote or write, in the caller's transaction (which holds the verification until it commits). */
    boolean admits(Handle h, Conversation c, Participant who) {
        return !c.verifiedOnly() || who.accountId() != null && residence.verifiedHome(h, who.accountId(), true).isPresent();
    }
}
