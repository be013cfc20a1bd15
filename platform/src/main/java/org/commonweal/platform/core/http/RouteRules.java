package org.commonweal.platform.core.http;

import io.javalin.Javalin;
import io.javalin.config.RouterConfig;
import io.javalin.http.HandlerType;
import io.javalin.router.Endpoint;
import io.javalin.router.ParsedEndpoint;
import io.javalin.router.matcher.PathParser;
import io.javalin.security.RouteRole;
import io.javalin.security.Roles;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every route's roles and object rule as declared, read back from the router. A route that declares no role, no object
 * rule or more than one, or a rule that cannot go with its roles, stops the server from starting, with the route named:
 * a forgotten rule is found on the first start, not by an attacker.
 */
public final class RouteRules {
    /** One route as declared: who may use it (roles) and what it acts on, for whom (access). */
    public record Declared(HandlerType method, String path, Set<Role> roles, Access access) {
        public boolean writes() {
            return method != HandlerType.GET && method != HandlerType.HEAD && method != HandlerType.OPTIONS;
        }

        public boolean forAnyone() {
            return roles.contains(Role.ANYONE);
        }

        /** The path parameters of a request to this route, or null if the request is not one. */
        Map<String, String> pathParams(HandlerType requestMethod, String requestPath) {
            if (!method.equals(requestMethod)) return null;
            PathParser parser = PARSERS.computeIfAbsent(path, p -> new PathParser(p, new RouterConfig()));
            return parser.matches(requestPath) ? parser.extractPathParams(requestPath) : null;
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    /** Javalin gives a before-matched handler no path parameters of the route it precedes; these read them as the router does. */
    private static final Map<String, PathParser> PARSERS = new ConcurrentHashMap<>();

    private RouteRules() {
    }

    /** The path parameters of the request, read as the first route matching it (the one Javalin runs) reads them. */
    public static Map<String, String> pathParams(List<Declared> routes, HandlerType method, String path) {
        for (Declared route : routes) {
            Map<String, String> params = route.pathParams(method, path);
            if (params != null) return params;
        }
        return Map.of();
    }

    /** The declarations of every route of the app. */
    public static List<Declared> of(Javalin app) {
        List<Declared> declared = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (ParsedEndpoint parsed : app.unsafe.internalRouter.allHttpHandlers()) {
            Endpoint e = parsed.endpoint;
            if (!e.method.isHttpMethod()) continue; // before and after handlers run around routes; they are not routes
            Roles metadata = e.metadata(Roles.class);
            Set<RouteRole> given = metadata == null ? Set.of() : metadata.getRoles();
            Set<Role> roles = EnumSet.noneOf(Role.class);
            List<Access> rules = new ArrayList<>();
            for (RouteRole r : given) {
                if (r instanceof Role role) roles.add(role);
                if (r instanceof Access a) rules.add(a);
            }
            String route = e.method + " " + e.path;
            String problem = problem(roles, rules);
            if (problem != null) problems.add(route + ": " + problem);
            else declared.add(new Declared(e.method, e.path, Set.copyOf(roles), rules.getFirst()));
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("routes without a valid authorisation rule (see docs/security.md, Authorisation):\n  "
                    + String.join("\n  ", problems));
        }
        return List.copyOf(declared);
    }

    private static String problem(Set<Role> roles, List<Access> rules) {
        if (roles.isEmpty()) return "declares no role (Role.ANYONE for a public route)";
        if (rules.isEmpty()) return "declares no object rule: add Access.PUBLIC, SELF, SECRET, ROLE or Access.owner(kind) next to its roles";
        if (rules.size() > 1) return "declares " + rules.size() + " object rules " + rules + "; one says who may act";
        Access rule = rules.getFirst();
        boolean anyone = roles.contains(Role.ANYONE);
        if (rule == Access.PUBLIC && !anyone) return "Access.PUBLIC goes only with Role.ANYONE; a signed-in route acts on SELF or with its ROLE";
        if (anyone && rule != Access.PUBLIC && rule != Access.SECRET) return rule + " needs a signed-in user, which Role.ANYONE does not ensure";
        return null;
    }
}
