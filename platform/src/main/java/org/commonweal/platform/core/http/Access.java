package org.commonweal.platform.core.http;

import io.javalin.http.NotFoundResponse;
import io.javalin.security.RouteRole;

import java.util.EnumSet;
import java.util.Set;
import java.util.function.Function;

/**
 * A route's object rule: what the route acts on and who may act on it, declared next to its roles, as in
 * {@code r.post("/elections/manage/{id}/close", this::close, Access.owner(electionKind).or(Role.ADMIN), Role.ORGANISER, Role.ADMIN)}.
 * {@link WebServer} enforces it after the role check, for every request; every route declares exactly one, or the server
 * refuses to start ({@link RouteRules}). A new kind of rule (say, a group's admins) is a new record here: the compiler
 * then asks for it wherever rules are told apart.
 */
public sealed interface Access extends RouteRole permits Access.Plain, Access.Owner, Access.NotOwner {
    /** Nothing of anyone's: public pages, search, signing in and registering. Only with {@link Role#ANYONE}. */
    Access PUBLIC = Plain.PUBLIC;
    /** The signed-in user's own account and what hangs off it: profile, password, notifications, their registrations. */
    Access SELF = Plain.SELF;
    /**
     * Whatever a secret in the request names (a reset or confirmation token, a voting code, a signed unsubscribe link,
     * a calendar feed token, a ballot receipt): the handler checks the secret and refuses a wrong one, storing nothing.
     */
    Access SECRET = Plain.SECRET;
    /**
     * Any object of its kind, for anyone holding one of the route's roles: the council's budgets for officers (officers
     * act for the whole council), the moderation queue for moderators, admin pages, and public objects residents act on
     * (a comment on a problem, a registration for an event).
     */
    Access ROLE = Plain.ROLE;

    /**
     * Whether the signed-in user (null for a visitor) may act on what the request names; the route's roles are already
     * checked. {@code pathParam} gives the request's path parameters by name.
     */
    boolean allows(CurrentUser user, Function<String, String> pathParam);

    /** Only the owners of the object named by the path parameter {@code id} (see {@link Owner#at} and {@link Owner#or}). */
    static Owner owner(ObjectKind kind) {
        return new Owner(kind, "id", Set.of());
    }

    /** Anyone with the route's role except the owners of the object named by {@code id}: one does not report one's own comment. */
    static NotOwner notOwner(ObjectKind kind) {
        return new NotOwner(kind, "id");
    }

    enum Plain implements Access {
        PUBLIC, SELF, SECRET, ROLE;

        @Override
        public boolean allows(CurrentUser user, Function<String, String> pathParam) {
            return true;
        }
    }

    /** @param alsoRoles roles whose holders may act on any object of the kind besides its owners (officers on every event) */
    record Owner(ObjectKind kind, String param, Set<Role> alsoRoles) implements Access {
        public Owner {
            alsoRoles = alsoRoles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(alsoRoles));
        }

        /** The object is named by this path parameter rather than {@code id}. */
        public Owner at(String pathParam) {
            return new Owner(kind, pathParam, alsoRoles);
        }

        /** Holders of these roles may act on every object of the kind, not only its owners. */
        public Owner or(Role... roles) {
            return new Owner(kind, param, Set.of(roles));
        }

        @Override
        public boolean allows(CurrentUser user, Function<String, String> pathParam) {
            return user != null && (alsoRoles.stream().anyMatch(user::has) || owners(kind, param, pathParam).include(user));
        }
    }

    record NotOwner(ObjectKind kind, String param) implements Access {
        @Override
        public boolean allows(CurrentUser user, Function<String, String> pathParam) {
            return user != null && !owners(kind, param, pathParam).include(user);
        }
    }

    /** The owners of the object the path names; an unknown one is a 404, as its handler would answer. */
    private static ObjectKind.Owners owners(ObjectKind kind, String param, Function<String, String> pathParam) {
        long id;
        try {
            id = Long.parseLong(String.valueOf(pathParam.apply(param)));
        } catch (NumberFormatException e) {
            throw new NotFoundResponse();
        }
        return kind.ownersOf().apply(id).orElseThrow(NotFoundResponse::new);
    }
}
