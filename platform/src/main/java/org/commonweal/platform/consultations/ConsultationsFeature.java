package org.commonweal.platform.consultations;

import org.commonweal.platform.groups.Groups;
import org.commonweal.platform.groups.GroupSection;
import io.javalin.config.RoutesConfig;
import org.commonweal.platform.core.accounts.AccountService;
import org.commonweal.platform.core.accounts.Bans;
import org.commonweal.platform.core.accounts.PersonalData;
import org.commonweal.platform.core.audit.AuditLog;
import org.commonweal.platform.core.feature.DemoContext;
import org.commonweal.platform.core.feature.Feature;
import org.commonweal.platform.core.feature.FeatureContext;
import org.commonweal.platform.core.http.NavItem;
import org.commonweal.platform.core.http.ObjectKind;
import org.commonweal.platform.core.http.RateLimiter;
import org.commonweal.platform.core.http.Routes;
import org.commonweal.platform.core.http.Web;
import org.jdbi.v3.core.Jdbi;
import org.commonweal.platform.core.accounts.AccountService;

import java.util.List;

/**
 * Policy review: councils and organisations consult residents in workstreams of questions, read the answers
 * (charts, place filter, CSV) and publish what they did about them. Groups (from the groups feature) run consultations
 * and answer them as themselves; their pages list the consultations they answered.
 */
public final class ConsultationsFeature implements Feature {
    /** Opening and closing days are UK calendar days. */
    public static final java.time.ZoneId ZONE = java.time.ZoneId.of("Europe/London");
    private final Routes[] parts;
    private final ConsultationService consultations;
    private final AnswerService answers;
    private final Groups groups;
    private final AccountService accounts;

    public ConsultationsFeature(FeatureContext ctx) {
        Jdbi jdbi = ctx.jdbi();
        Web web = ctx.web();
        var audit = ctx.audit();
        var places = ctx.places();
        this.accounts = ctx.accounts();
        this.groups = ctx.services().get(Groups.class);
        ConsultationIndex index = new ConsultationIndex(jdbi, ctx.search());
        ctx.subjects().register(ConsultationIndex.KIND, index::find);
        RespondentKeys respondentKeys = new RespondentKeys(jdbi);
        ConsultationsPersonalData.register(ctx.personalData(), respondentKeys, groups);
        var conversations = ctx.services().get(org.commonweal.platform.conversations.Conversations.class);
        ConversationQuestions conversationQuestions = new ConversationQuestions(conversations);
        this.consultations = new ConsultationService(jdbi, audit, places, groups, index, ctx.subjects(), conversations);
        ctx.services().publish(ConsultationService.class, consultations); // the library tells a finished consultation's story
        ctx.openData().register(index.questions(consultations::namedAll));
        this.answers = new AnswerService(jdbi, respondentKeys, groups);
        Documents documents = new Documents(jdbi, audit);
        Analysis analysis = new Analysis(jdbi, groups);
        ctx.openData().register(index.results(analysis));
        ObjectKind consultation = new ObjectKind("consultation", consultations::owners);
        this.parts = new Routes[]{
                // Before the public routes: "/consultations/new" must not be read as a consultation's id.
                new ManageRoutes(web, consultations, consultation, documents, places),
                new ConsultationRoutes(web, consultations, answers, documents, analysis, groups, ctx.bans(), ctx.limiter(),
                        ctx.services().get(org.commonweal.platform.deliberation.Deliberation.class), conversationQuestions),
                new ResultsRoutes(web, consultations, consultation, analysis, new ResponsesCsv(jdbi, groups), places, conversationQuestions)};
        groups.addSection(GroupSection.CONSULTATIONS, new AnsweredSection(jdbi)::section);
    }

    public ConsultationService consultations() {
        return consultations;
    }

    /** Consultations taking answers today. */
    @Override
    public List<org.commonweal.platform.core.feature.HomeSection> home(org.commonweal.platform.core.http.CurrentUser user, org.commonweal.platform.core.i18n.Messages messages) {
        java.time.LocalDate today = java.time.LocalDate.now(ZONE);
        List<org.commonweal.platform.core.feature.HomeSection.Entry> open = consultations.published().stream().filter(c -> c.acceptsAnswers(today)).limit(3)
                .map(c -> new org.commonweal.platform.core.feature.HomeSection.Entry(c.title(), "/consultations/" + c.id(), messages.get("consultations.home.closes", c.closesOn()))).toList();
        return List.of(new org.commonweal.platform.core.feature.HomeSection("consultations.home.title", open, "/consultations", "consultations.home.all"));
    }

    /** The demo's consultations (see {@link DemoConsultations}). */
    @Override
    public void loadDemo(DemoContext ctx) {
        new DemoConsultations(consultations, answers, groups, accounts).load(ctx.officerId(), ctx.organiserId(), ctx.residentIds());
    }

    @Override
    public List<NavItem> navigation() {
        return List.of(NavItem.in(NavItem.Area.TAKE_PART, "/consultations", "nav.consultations"));
    }

    @Override
    public void routes(RoutesConfig routes) {
        for (Routes f : parts) f.routes(routes);
    }
}
