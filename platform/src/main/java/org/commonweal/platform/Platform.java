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
import org.commonweal.platform.core.http.Csrf;
import org.commonweal.platform.core.http.Feature;
import org.commonweal.platform.core.http.RateLimiter;
import org.commonweal.platform.core.http.SessionStore;
import org.commonweal.platform.core.http.Web;
import org.commonweal.platform.core.http.WebServer;
import org.commonweal.platform.core.i18n.Messages;
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
    private final MailSender mailSender;
    private final SessionStore sessions;
    private final MetricsEndpoint metricsEndpoint;
    private final java.util.concurrent.ScheduledExecutorService housekeeping =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().factory());
    public final AccountService accounts;
    public final PlaceService places;
    public final AuditLog audit;
    public final Outbox outbox;
    public final RateLimiter limiter;
    public final Config config;
    public final org.commonweal.platform.core.http.UploadLimit uploads;
    public final org.commonweal.platform.budgets.BudgetsFeature budgets;
    public final Subjects subjects;
    public final SearchIndex search;
    public final OpenData openData;
    public final PersonalData personalData;
    public final org.commonweal.platform.core.accounts.Bans bans;
    public final org.commonweal.platform.consultations.ConsultationsFeature consultations;
    public final org.commonweal.platform.events.EventsFeature events;
    public final org.commonweal.platform.deliberation.DeliberationFeature deliberation;
    public final org.commonweal.platform.problems.ProblemsFeature problems;

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
        this.deliberation = new org.commonweal.platform.deliberation.DeliberationFeature(web, jdbi, audit, subjects, bans, limiter, outbox, openData, personalData, accounts, config.baseUrl());
        this.budgets = new org.commonweal.platform.budgets.BudgetsFeature(web, jdbi, audit, places, subjects, search, openData, personalData, deliberation.deliberation(), config.baseUrl());
        this.consultations = new org.commonweal.platform.consultations.ConsultationsFeature(web, jdbi, audit, places, accounts, subjects, search, openData, personalData, bans, limiter, deliberation.deliberation());
        this.events = new org.commonweal.platform.events.EventsFeature(web, jdbi, audit, places, subjects, search, openData, personalData, limiter, config.baseUrl(), deliberation.deliberation());
        this.problems = new org.commonweal.platform.problems.ProblemsFeature(web, jdbi, audit, places, subjects, search, openData, personalData, bans, limiter, budgets, deliberation.deliberation());
        List<Feature> features = List.of(
                new org.commonweal.platform.core.http.StyleRoutes(),
                new HomeRoutes(web),
                new AccountRoutes(web, accounts, sessions, places, limiter),
                new UserAdminRoutes(web, accounts),
                new PlaceRoutes(web, places),
                new AdminRoutes(web, audit, outbox, config.smtp().isEmpty()),
                new SearchRoutes(web, search, subjects, places),
                new OpenDataRoutes(web, openData),
                budgets,
                consultations,
                events,
                deliberation,
                problems,
                new OpsRoutes(database, metricsEndpoint),
                new org.commonweal.platform.elections.SeatModellerRoutes(web, new org.commonweal.platform.elections.ResultsSets(jdbi, audit, personalData)),
                new org.commonweal.platform.elections.BoardElectionRoutes(web, new org.commonweal.platform.elections.BoardElections(jdbi, audit, personalData), accounts, config.baseUrl()));
        this.app = new WebServer(web, accounts, csrf, limiter, metrics, config.trustedProxies(), uploads).create(features);
        this.mailSender = config.smtp().map(smtp -> new MailSender(outbox, smtp)).orElse(null);
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
        if (mailSender != null) mailSender.start();
        // Expired sessions are refused at once; this only keeps the table small.
        housekeeping.scheduleWithFixedDelay(sessions::deleteExpired, 1, 60, java.util.concurrent.TimeUnit.MINUTES);
        return this;
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
        metricsEndpoint.close();
        uploads.close();
        housekeeping.shutdownNow();
        if (mailSender != null) mailSender.close();
        database.close();
    }
}
