package org.commonweal.platform.core.http;

import java.util.Optional;
import java.util.function.LongFunction;
import java.util.function.LongPredicate;

/**
 * A kind of object that routes act on (a board election, an event, a comment), with the one question the pipeline asks
 * of it: who owns the object with this id. The feature that owns the kind creates it and names it in its routes'
 * {@link Access#owner} rules; {@link WebServer} asks it on every request to such a route.
 *
 * @param name      what the kind is called in error messages, logs and the permission matrix test
 * @param ownersOf  the owners of the object with the given id, or empty when there is no such object (a 404)
 */
public record ObjectKind(String name, LongFunction<Optional<Owners>> ownersOf) {

    /**
     * Who owns one object: accounts (an author, an organiser, an organisation's organisers, an election's electors), and
     * whether it is the council's, which its officers act for. The accounts are a test, not a list, so an electorate of
     * thousands is asked about one account rather than loaded.
     */
    public record Owners(LongPredicate accounts, boolean council) {
        /** One account's object; nobody's once that account is deleted (its foreign key set to null). */
        public static Owners account(Long accountId) {
            return new Owners(a -> accountId != null && accountId == a, false);
        }

        public static Owners accounts(LongPredicate isOwner) {
            return new Owners(isOwner, false);
        }

        public static Owners theCouncil() {
            return new Owners(a -> false, true);
        }

        /** Whether the user is one of the owners: one of the accounts, or an officer of the council's object. */
        public boolean include(CurrentUser user) {
            return user != null && (council && user.has(Role.OFFICER) || accounts.test(user.id()));
        }
    }
}
