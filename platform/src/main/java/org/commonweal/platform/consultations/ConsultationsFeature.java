package org.commonweal.platform.consultations;

import io.javalin.config.RoutesConfig;
import org.commonweal.platform.core.accounts.AccountService;
import org.commonweal.platform.core.accounts.Bans;
import org.commonweal.platform.core.accounts.PersonalData;
import org.commonweal.platform.core.audit.AuditLog;
import org.commonweal.platform.core.http.Feature;
import org.commonweal.platform.core.http.ObjectKind;
import org.commonweal.platform.core.http.RateLimiter;
import org.commonweal.platform.core.http.Web;
import org.commonweal.platform.core.opendata.OpenData;
import org.commonweal.platform.core.places.PlaceService;
import org.commonweal.platform.core.search.SearchIndex;
import org.commonweal.platform.core.subjects.Subjects;
import org.jdbi.v3.core.Jdbi;

import java.util.List;

/**
 * Policy review: councils and organisations consult residents in workstreams of questions, read the answers
 * (charts, place filter, CSV) and publish what they did about them; organisations and their members are kept here too.
 */
public final class ConsultationsFeature implements Feature {
    /** Opening and closing days are UK calendar days. */
    public static final java.time.ZoneId ZONE = java.time.ZoneId.of("Europe/London");
    private final Feature[] parts;
    private final ConsultationService consultations;
    private final AnswerService answers;
    private final Organisations organisations;
    private final AccountService accounts;

    public ConsultationsFeature(Web web, Jdbi jdbi, AuditLog audit, PlaceService places, AccountService accounts, Subjects subjects,
                                SearchIndex search, OpenData openData, PersonalData personalData, Bans bans, RateLimiter limiter,
                                org.commonweal.platform.deliberation.Deliberation deliberation) {
        this.accounts = accounts;
        this.organisations = new Organisations(jdbi, audit, accounts);
        ConsultationIndex index = new ConsultationIndex(jdbi, search);
        subjects.register(ConsultationIndex.KIND, index::find);
        openData.register(index.questions());
        openData.register(index.results());
        RespondentKeys respondentKeys = new RespondentKeys(jdbi);
        ConsultationsPersonalData.register(personalData, respondentKeys);
        this.consultations = new ConsultationService(jdbi, audit, places, organisations, index, subjects);
        this.answers = new AnswerService(jdbi, respondentKeys, organisations);
        Documents documents = new Documents(jdbi, audit);
        Analysis analysis = new Analysis(jdbi);
        ObjectKind consultation = new ObjectKind("consultation", consultations::owners);
        this.parts = new Feature[]{
                // Before the public routes: "/consultations/new" must not be read as a consultation's id.
                new ManageRoutes(web, consultations, consultation, documents, organisations, places),
                new ConsultationRoutes(web, consultations, answers, documents, analysis, organisations, bans, limiter, deliberation),
                new ResultsRoutes(web, consultations, consultation, analysis, new ResponsesCsv(jdbi), places),
                new OrganisationRoutes(web, organisations)};
    }

    public ConsultationService consultations() {
        return consultations;
    }

    public Organisations organisations() {
        return organisations;
    }

    /** Loads the demo's consultations (see {@link DemoConsultations}). */
    public void loadDemoData(long officerId, long organiserId, List<Long> residentIds) {
        new DemoConsultations(consultations, answers, organisations, accounts).load(officerId, organiserId, residentIds);
    }

    @Override
    public void routes(RoutesConfig routes) {
        for (Feature f : parts) f.routes(routes);
    }
}
