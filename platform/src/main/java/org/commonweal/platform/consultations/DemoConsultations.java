package org.commonweal.platform.consultations;

import org.commonweal.platform.groups.Groups;
import org.commonweal.platform.groups.Group;
import org.commonweal.platform.core.accounts.Account;
import org.commonweal.platform.core.accounts.AccountService;
import org.commonweal.platform.core.audit.Actor;
import org.commonweal.platform.core.http.CurrentUser;
import org.commonweal.platform.core.http.Form;
import org.commonweal.platform.core.http.Role;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The demo's policy review: the council's open "Riverford 2030: rebuilding together" with three workstreams and every
 * kind of question, some answers (one anonymous, one from a residents' association), and an earlier, closed
 * consultation with its "you said, we did" report. Everything goes through the services, as an officer would.
 */
final class DemoConsultations {
    private final ConsultationService consultations;
    private final AnswerService answers;
    private final Groups groups;
    private final AccountService accounts;

    DemoConsultations(ConsultationService consultations, AnswerService answers, Groups groups, AccountService accounts) {
        this.consultations = consultations;
        this.answers = answers;
        this.groups = groups;
        this.accounts = accounts;
    }

    void load(long officerId, long organiserId, List<Long> residentIds) {
        LocalDate today = ConsultationRoutes.today();
        CurrentUser officer = user(officerId);
        // The groups' demo (loaded before this one) made the organiser run a party branch and the first resident a tenant member.
        long branch = demoGroup(groups.administeredBy(organiserId), "party_branch");
        long association = demoGroup(groups.memberships(residentIds.get(0)).stream().map(Group.Membership::group).toList(), "tenants_association");

        long open = create(officer, "Riverford 2030: rebuilding together", """
                Riverford City Council is reviewing its policies for the next decade, and we want to start from what residents \
                tell us. The review has three workstreams: rebuilding the economy, rebuilding society and rebuilding politics.

                Answer as many questions as you like; you can come back and change your answers until the consultation closes. \
                You may answer anonymously: other people will then see "Anonymous" instead of your name.""", today.minusDays(7), today.plusWeeks(6), true);
        long economy = workstream(officer, open, "Rebuilding the economy");
        question(officer, open, economy, Map.of("kind", "single", "prompt", "What should be the council's first economic priority?",
                "options", "Local jobs and apprenticeships\nSupport for small businesses\nAffordable workspace\nA living wage from council contractors"));
        question(officer, open, economy, Map.of("kind", "rating", "prompt", "How well does the high street meet your needs?", "scale", "5",
                "lowLabel", "Not at all", "highLabel", "Very well"));
        question(officer, open, economy, Map.of("kind", "text", "prompt", "What one change would make the biggest difference to work in Riverford?", "maxLength", "1000"));
        long society = workstream(officer, open, "Rebuilding society");
        question(officer, open, society, Map.of("kind", "multiple", "prompt", "Which services matter most to your household? Choose up to three.",
                "options", "Libraries\nYouth clubs\nAdult social care\nParks and leisure centres\nChildren's centres", "maxChoices", "3"));
        question(officer, open, society, Map.of("kind", "ranking", "prompt", "Put these housing priorities in order, most important first.",
                "options", "New council homes for rent\nRepairs to existing homes\nHomes for older people\nEnding rough sleeping"));
        long politics = workstream(officer, open, "Rebuilding politics");
        question(officer, open, politics, Map.of("kind", "rating", "prompt", "How much say do you feel you have over local decisions?", "scale", "5",
                "lowLabel", "None", "highLabel", "A great deal"));
        question(officer, open, politics, Map.of("kind", "text", "prompt", "How should residents be involved in decisions from now on?", "maxLength", "2000"));
        question(officer, open, politics, Map.of("kind", "conversation", "prompt", "What would make your neighbourhood a better place to live?",
                "moderation", "strict", "participation", "signed_in", "seeds", """
                        Every neighbourhood needs a place where people can meet for free.
                        Streets near schools should close to traffic at the start and end of the day.
                        The council should publish what it spends in each ward.
                        Empty shops should be lent to local groups until they are let."""));
        publish(officer, open);

        List<Question> q = questions(open);
        answer(open, residentIds.get(0), null, false, today, q, new String[]{"0", "4", "A proper market hall for local traders.", "0,1,3", "0,1,3,2", "2", "Citizens' assemblies on the big decisions."});
        answer(open, residentIds.get(1), null, true, today, q, new String[]{"3", "2", "", "2,3", "1,0,2,3", "1", "Ward meetings in the evening, not at 2pm."});
        answer(open, residentIds.get(2), null, false, today, q, new String[]{"0", "3", "Cheaper buses so people can get to work.", "0,4", "", "3", ""});
        answer(open, residentIds.get(0), association, false, today, q, new String[]{"1", "2", "Keep the Quayside units affordable for small firms.", "3,4", "1,0,3,2", "2",
                "Fund residents' associations to run open meetings in every ward."});

        long closed = create(officer, "The future of Quayside car park", """
                The Quayside car park lease ends next year. We asked residents what the site should become.""", today.minusDays(90), today.minusDays(30), false);
        long site = workstream(officer, closed, "Using the site");
        question(officer, closed, site, Map.of("kind", "single", "prompt", "What should the site become?",
                "options", "Keep it as a car park\nA park and play area\nAffordable homes\nA covered market"));
        question(officer, closed, site, Map.of("kind", "text", "prompt", "Anything else we should know?", "maxLength", "1000"));
        publish(officer, closed);
        List<Question> cq = questions(closed);
        LocalDate then = today.minusDays(60);
        answer(closed, residentIds.get(0), null, false, then, cq, new String[]{"1", "Children in Quayside have nowhere to play."});
        answer(closed, residentIds.get(1), null, true, then, cq, new String[]{"1", ""});
        answer(closed, residentIds.get(2), null, false, then, cq, new String[]{"2", "Homes, but with some green space."});
        check(consultations.close(officer, closed, Actor.SYSTEM), "close");
        Form outcome = Form.empty().set("outcome-" + site, """
                You said: two in three of you wanted a park and play area, and many mentioned children having nowhere to play.

                We did: the cabinet agreed to turn the site into a park with a play area, with work starting next spring.""");
        check(consultations.saveOutcome(officer, closed, outcome, true, today, Actor.SYSTEM), "outcome " + outcome.errors());
    }

    private CurrentUser user(long id) {
        Account a = accounts.find(id).orElseThrow();
        return new CurrentUser(a.id(), a.name(), a.email(), true, a.homePlaceId(), Set.copyOf(a.roles()));
    }

    private static long demoGroup(List<Group.Summary> among, String kind) {
        return among.stream().filter(g -> g.kind().equals(kind)).findFirst().orElseThrow(() -> new IllegalStateException("no demo group of kind " + kind)).id();
    }

    private long create(CurrentUser officer, String title, String body, LocalDate opens, LocalDate closes, boolean answersPublic) {
        Form form = Form.empty().set("owner", "council").set("title", title).set("body", body).set("opens", opens.toString()).set("closes", closes.toString())
                .set("answersPublic", answersPublic ? "yes" : "");
        return consultations.create(officer, form, Actor.SYSTEM).orElseThrow(() -> new IllegalStateException("demo consultation: " + form.errors()));
    }

    private long workstream(CurrentUser officer, long id, String title) {
        check(consultations.addWorkstream(officer, id, Form.empty().set("workstream", title), Actor.SYSTEM), "workstream " + title);
        return consultations.structure(id).getLast().id();
    }

    private void question(CurrentUser officer, long id, long workstream, Map<String, String> fields) {
        Form form = Form.of(fields);
        check(consultations.addQuestion(officer, id, workstream, form, Actor.SYSTEM), "question " + form.errors());
    }

    private void publish(CurrentUser officer, long id) {
        check(consultations.publish(officer, id, Form.empty(), Actor.SYSTEM), "publish");
    }

    /** The questions answered on the form, in order (a conversation is taken part in on the consultation's page). */
    private List<Question> questions(long id) {
        return consultations.structure(id).stream().flatMap(w -> w.questions().stream()).filter(Question::answerable).toList();
    }

    /**
     * Answers question by question: an option's index for single choice, indices joined by commas for multiple choice
     * and rankings (first place first), the number for ratings, the words for free text; blank leaves it unanswered.
     */
    private void answer(long id, long accountId, Long organisation, boolean anonymous, LocalDate today, List<Question> questions, String[] values) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < questions.size(); i++) {
            Question q = questions.get(i);
            String v = values[i];
            if (v.isEmpty()) continue;
            switch (q.kind()) {
                case "single" -> fields.put(q.field(), String.valueOf(q.options().get(Integer.parseInt(v)).id()));
                case "multiple" -> {
                    for (String index : v.split(",")) fields.put(q.field(q.options().get(Integer.parseInt(index))), "yes");
                }
                case "ranking" -> {
                    String[] order = v.split(",");
                    for (int place = 0; place < order.length; place++) fields.put(q.field(q.options().get(Integer.parseInt(order[place]))), String.valueOf(place + 1));
                }
                default -> fields.put(q.field(), v);
            }
        }
        Form form = Form.empty();
        var refused = answers.submit(id, user(accountId), organisation, anonymous, fields, form, today);
        if (refused.isPresent()) throw new IllegalStateException("demo answer refused: " + refused.get() + " " + form.errors());
    }

    private static void check(java.util.Optional<org.commonweal.platform.core.http.Refusal> refused, String what) {
        if (refused.isPresent()) throw new IllegalStateException("demo " + what + ": " + refused.get());
    }
}
