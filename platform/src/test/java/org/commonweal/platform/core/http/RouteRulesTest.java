package org.commonweal.platform.core.http;

import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;
import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A route whose authorisation is not declared, or declared in a way that cannot hold, stops the start with the route named. */
class RouteRulesTest {
    private static final ObjectKind WIDGET = new ObjectKind("widget", id -> Optional.empty());

    private static Javalin app(Consumer<RoutesConfig> routes) {
        return Javalin.create(config -> {
            config.routes.before(ctx -> { });
            config.routes.get("/fine", ctx -> { }, Access.PUBLIC, Role.ANYONE);
            routes.accept(config.routes);
        });
    }

    @Test
    void aRouteWithoutAnObjectRuleStopsTheStartNamingTheRoute() {
        Javalin app = app(r -> r.post("/widgets/{id}/polish", ctx -> { }, Role.RESIDENT));
        assertThatThrownBy(() -> RouteRules.of(app)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("POST /widgets/{id}/polish: declares no object rule").hasMessageNotContaining("/fine");
    }

    @Test
    void aRouteWithoutARoleOrWithTwoRulesIsRefused() {
        assertThatThrownBy(() -> RouteRules.of(app(r -> r.get("/widgets", ctx -> { }, Access.PUBLIC))))
                .hasMessageContaining("GET /widgets: declares no role");
        assertThatThrownBy(() -> RouteRules.of(app(r -> r.post("/widgets/{id}", ctx -> { }, Access.ROLE, Access.owner(WIDGET), Role.RESIDENT))))
                .hasMessageContaining("POST /widgets/{id}: declares 2 object rules");
    }

    @Test
    void rulesThatCannotHoldWithTheirRolesAreRefused() {
        assertThatThrownBy(() -> RouteRules.of(app(r -> r.post("/widgets", ctx -> { }, Access.PUBLIC, Role.RESIDENT))))
                .hasMessageContaining("POST /widgets: Access.PUBLIC goes only with Role.ANYONE");
        assertThatThrownBy(() -> RouteRules.of(app(r -> r.post("/widgets/{id}", ctx -> { }, Access.owner(WIDGET), Role.ANYONE))))
                .hasMessageContaining("POST /widgets/{id}").hasMessageContaining("needs a signed-in user");
        assertThatThrownBy(() -> RouteRules.of(app(r -> r.post("/widgets/mine", ctx -> { }, Access.SELF, Role.ANYONE))))
                .hasMessageContaining("POST /widgets/mine").hasMessageContaining("needs a signed-in user");
    }

    @Test
    void declaredRoutesAreReadBackWithTheirRolesAndRule() {
        Javalin app = app(r -> r.post("/widgets/{id}", ctx -> { }, Access.owner(WIDGET).or(Role.ADMIN), Role.ORGANISER, Role.ADMIN));
        var routes = RouteRules.of(app);
        assertThat(routes).extracting(Object::toString).containsExactlyInAnyOrder("GET /fine", "POST /widgets/{id}");
        RouteRules.Declared widget = routes.stream().filter(RouteRules.Declared::writes).findFirst().orElseThrow();
        assertThat(widget.roles()).containsExactlyInAnyOrder(Role.ORGANISER, Role.ADMIN);
        assertThat(widget.access()).isEqualTo(new Access.Owner(WIDGET, "id", java.util.Set.of(Role.ADMIN)));
    }
}
