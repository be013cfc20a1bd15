package org.commonweal.platform;

import io.javalin.Javalin;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.commonweal.platform.core.Config;
import org.commonweal.platform.core.accounts.AccountRoutes;
import org.commonweal.platform.core.accounts.AccountService;
import org.commonweal.platform.core.accounts.PersonalData;
import org.commonweal.platform.core.accounts.UserAdminRoutes;
import org.commonweal.platform.core.admin.AdminRoutes;
import org.commonweal.platform.core.audit.AuditLog;
import org.commonweal.platform.core.db.Database;
import org.commonweal.platform.core.feature.DemoContext;
import org.commonweal.platform.core.feature.Feature;
import org.commonweal.platform.core.feature.FeatureContext;
import org.commonweal.platform.core.feature.Services;
import org.commonweal.platform.core.http.Csrf;
import org.commonweal.platform.core.http.NavItem;
import org.commonweal.platform.core.http.Role;
import org.commonweal.platform.core.http.Routes;
import org.commonweal.platform.core.http.RateLimiter;
import org.commonweal.platform.core.http.SessionStore;
import org.commonweal.platform.core.http.Web;

import org.commonweal.platform.core.i18n.Messages;
import org.commonweal.platform.core.jobs.Jobs;
import org.commonweal.platform.core.mail.MailSender;
import org.commonweal.platform.core.mail.Outbox;
import org.commonweal.platform.core.ops.MetricsEndpoint;
import org.commonweal.platform.core.ops.OpsRoutes;
import org.commonweal.platform.core.places.PlaceRoutes;
import org.commonweal.platform.core.places.PlaceService;
import org.commonweal.platform.core.opendata.OpenData;
import org.commonweal.platform.core.opendata.OpenDataRoutes;
import org.commonweal.platform.core.search.SearchIndex;
import org.commonweal.platform.core.search.SearchRoutes;
import org.commonweal.platform.core.subjects.Subjects;
import org.commonweal.platform.home.HomeRoutes;

import java.util.List;

/** Wires the platform together: services over one database, and the features that serve them. */
public final class Platform implements AutoCloseable {
    private final Database database;
    private final Javalin app;
    private final SessionStore sessions;
    private final Jobs jobs;
    private final MetricsEndpoint metricsEndpoint;
    public final AccountService accounts;
    public final PlaceService places;
    public final AuditLog audit;
    public final Outbox outbox;
    public final RateLimiter limiter;
    public final Config config;
    public final org.commonweal.platform.core.http.UploadLimit uploads;
    public final Subjects subjects;
    public final SearchIndex search;
    public final OpenData openData;
    public final PersonalData personalData;
    public final org.commonweal.platform.core.accounts.Bans bans;
    private final List<Feature> features = new java.util.ArrayList<>();

    private Platform(Config config, Database database) {
        this.database = database;
        this.config = config;
        var jdbi = database.jdbi();
        Messages messages = Messages.ENGLISH;
        PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new JvmMemoryMetrics().bindTo(metrics);
        new JvmGcMetrics().bindTo(metrics);
        new JvmThreadMetrics().bindTo(metrics);
        new ProcessorMetrics().bindTo(metrics);
        this.metricsEndpoint = new MetricsEndpoint(metrics, config.metricsToken(), config.managementPort(), messages);
        this.audit = new AuditLog(jdbi);
        this.outbox = new Outbox(jdbi);
        this.places = new PlaceService(jdbi, audit);
        this.sessions = new SessionStore(jdbi);
        this.personalData = new PersonalData(config.baseUrl());
        this.accounts = new AccountService(jdbi, audit, outbox, sessions, places, messages, config.baseUrl(), personalData);
        this.limiter = new RateLimiter();
        this.uploads = new org.commonweal.platform.core.http.UploadLimit(config.uploadMaxBytes());
        Csrf csrf = new Csrf(jdbi);
        Web web = new Web(messages, csrf, config.baseUrl().startsWith("https://"), config.demoMode());
        this.subjects = new Subjects();
        this.search = new SearchIndex(jdbi, places);
        this.openData = new OpenData();
        this.bans = new org.commonweal.platform.core.accounts.Bans(jdbi, audit, personalData);
        FeatureContext context = new FeatureContext(config, jdbi, web, audit, places, accounts, subjects, search, openData, personalData,
                bans, limiter, outbox, new Services());
        for (var make : Features.ALL) features.add(make.apply(context));
        // The main menu: home and places, the hubs the features fill, search; the tools hub for staff last. In the header,
        // the account's page first, administration last.
        web.navigation().add(List.of(NavItem.main("/", "nav.home"), NavItem.main("/places", "nav.places"),
                NavItem.hub(NavItem.Area.TAKE_PART), NavItem.hub(NavItem.Area.COMMUNITY), NavItem.main("/search", "nav.search"),
                NavItem.hub(NavItem.Area.TOOLS), NavItem.account("/account", "nav.account", Role.RESIDENT),
                NavItem.in(NavItem.Area.TOOLS, "/residence/letters", "nav.residence", Role.OFFICER)));
        for (Feature f : features) web.navigation().add(f.navigation());
        web.navigation().add(List.of(NavItem.in(NavItem.Area.TOOLS, "/admin", "nav.admin", Role.ADMIN)));
        // Only in the demo, and never where mail is really sent: the mail a newcomer just caused, in their own browser.
        var demoMail = config.demoMode() && config.smtp().isEmpty() ? new org.commonweal.platform.core.mail.DemoMailbox(web, csrf, outbox) : null;
        AccountRoutes accountRoutes = new AccountRoutes(web, accounts, sessions, places, limiter, demoMail);
        List<Routes> routes = new java.util.ArrayList<>(List.of(
                new org.commonweal.platform.core.http.StyleRoutes(),
                new HomeRoutes(web, accounts, features),
                new org.commonweal.platform.home.HubRoutes(web),
                accountRoutes,
                new org.commonweal.platform.core.accounts.ResidenceRoutes(web, accounts, places, limiter, accountRoutes, config.baseUrl()),
                new UserAdminRoutes(web, accounts),
                new PlaceRoutes(web, places),
                new AdminRoutes(web, audit, outbox, config.smtp().isEmpty()),
                new SearchRoutes(web, search, subjects, places),
                new OpenDataRoutes(web, openData),
                new OpsRoutes(database, metricsEndpoint)));
        if (demoMail != null) routes.add(demoMail);
        for (Feature f : features) routes.add(f::routes);
        this.app = new WebServer(web, accounts, csrf, limiter, metrics, config.trustedProxies(), uploads).create(routes);
        this.jobs = new Jobs(database.dataSource(), config.jobsPolling());
        // Expired sessions are refused at once; sweeping only keeps the table small.
        jobs.every("session-sweep", java.time.Duration.ofHours(1), sessions::deleteExpired);
        // Expired letters are refused at once; deleting them is what removes the postal addresses they were sent to.
        jobs.every("residence-letter-sweep", java.time.Duration.ofHours(1), accounts.residence()::deleteExpiredLetters);
        config.smtp().map(smtp -> new MailSender(outbox, smtp)).ifPresent(sender -> jobs.every("mail-send", java.time.Duration.ofSeconds(5), sender::sendPending));
        for (Feature f : features) f.jobs(jobs);
    }

    /** The feature of this type, from the feature list (tests and benches reach its services through it). */
    public <F extends Feature> F feature(Class<F> type) {
        return features.stream().filter(type::isInstance).map(type::cast).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(type.getSimpleName() + " is not in the feature list"));
    }

    /** The features, in the order of the feature list. */
    public List<Feature> features() {
        return List.copyOf(features);
    }

    /** Every feature loads its demo data, in the order of the feature list. */
    public void loadDemo(DemoContext demo) {
        for (Feature f : features) f.loadDemo(demo);
    }

    /** Opens (and migrates) the database and returns a platform ready to start. */
    public static Platform open(Config config) throws java.io.IOException {
        return new Platform(config, Database.open(config));
    }

    /** A platform over a database the caller owns (tests). */
    public static Platform over(Config config, Database database) {
        return new Platform(config, database);
    }

    public Platform start(int port) {
        app.start(port);
        database.exitWhenEmbeddedServerStops();
        try {
            metricsEndpoint.start();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("could not open MANAGEMENT_PORT " + config.managementPort().getAsInt() + ": " + e.getMessage(), e);
        }
        jobs.start();
        return this;
    }

    /** Every route with its declared roles and object rule (the permission matrix test walks them). */
    public List<org.commonweal.platform.core.http.RouteRules.Declared> routes() {
        return org.commonweal.platform.core.http.RouteRules.of(app);
    }

    public int port() {
        return app.port();
    }

    /** The management port serving /metrics, if MANAGEMENT_PORT is set. */
    public java.util.OptionalInt managementPort() {
        return metricsEndpoint.boundManagementPort();
    }

    public Database database() {
        return database;
    }

    @Override
    public void close() throws Exception {
        app.stop();
        jobs.close();
        metricsEndpoint.close();
        uploads.close();
        database.close();
    }
}
