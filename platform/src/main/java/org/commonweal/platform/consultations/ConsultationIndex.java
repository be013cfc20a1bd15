package org.commonweal.platform.consultations;

import org.commonweal.platform.core.opendata.OpenDataset;
import org.commonweal.platform.core.search.SearchDocument;
import org.commonweal.platform.core.search.SearchIndex;
import org.commonweal.platform.core.subjects.Subject;
import org.commonweal.platform.core.subjects.SubjectInfo;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * How consultations appear to the rest of the platform: the subject kind "consultation" (drafts do not exist for
 * others), the site-wide search (published and closed ones; a draft is withdrawn), and two open datasets: every
 * public consultation's questions, and the aggregate answers of finished ones (counts only: no free text, no identities).
 */
final class ConsultationIndex {
    static final String KIND = "consultation";

    private final Jdbi jdbi;
    private final SearchIndex search;

    ConsultationIndex(Jdbi jdbi, SearchIndex search) {
        this.jdbi = jdbi;
        this.search = search;
    }

    static String url(long id) {
        return "/consultations/" + id;
    }

    /** Brings the search index in line with the consultation, inside the transaction that changed it. */
    void update(Handle h, long id) {
        ConsultationService.find(h, id).ifPresent(c -> {
            Subject subject = new Subject(KIND, id);
            if (c.draft()) {
                search.withdraw(h, subject);
                return;
            }
            String questions = ConsultationService.structure(h, id).stream()
                    .map(w -> w.title() + "\n" + w.questions().stream().map(Question::prompt).collect(Collectors.joining("\n")))
                    .collect(Collectors.joining("\n"));
            search.publish(h, new SearchDocument(subject, c.title(), c.body() + "\n" + questions, url(id), c.placeId()));
        });
    }

    Optional<SubjectInfo> find(long id) {
        LocalDate today = LocalDate.now(ConsultationsFeature.ZONE);
        return jdbi.withHandle(h -> ConsultationService.find(h, id)).filter(c -> !c.draft())
                .map(c -> new SubjectInfo(new Subject(KIND, id), c.title(), url(id), c.placeId(), null, !c.finished(today)));
    }

    /** @param named gives the consultations their groups' names (the rows keep only the ids) */
    OpenDataset questions(java.util.function.UnaryOperator<List<Consultation>> named) {
        return new OpenDataset("consultations", "opendata.consultations.title", "opendata.consultations.description",
                List.of("consultation_id", "title", "run_by", "status", "opens_on", "closes_on", "place_id", "place_name", "workstream",
                        "question_id", "question_number", "question_kind", "question", "options"),
                sink -> jdbi.useHandle(h -> {
                    List<Consultation> list = named.apply(h.createQuery(ConsultationService.SELECT + " WHERE c.status <> 'draft' ORDER BY c.id")
                            .map((rs, c) -> ConsultationService.consultation(rs)).list());
                    for (Consultation c : list) {
                        for (Workstream w : ConsultationService.structure(h, c.id())) {
                            for (Question q : w.questions()) {
                                sink.accept(Arrays.asList(c.id(), c.title(), c.organisationName() == null ? "Council" : c.organisationName(), c.status(),
                                        c.opensOn(), c.closesOn(), c.placeId(), c.placeName(), w.title(), q.id(), q.number(), q.kind(), q.prompt(),
                                        q.options().stream().map(Question.Option::label).collect(Collectors.joining(" | "))));
                            }
                        }
                    }
                }));
    }

    /**
     * Finished consultations' answers, one row per option (choices, rankings), per rating value, or per free-text
     * question (its count only). For a ranking, {@code rank_total / responses} is the option's mean place.
     */
    OpenDataset results(Analysis analysis) {
        return new OpenDataset("consultation-results", "opendata.consultation-results.title", "opendata.consultation-results.description",
                List.of("consultation_id", "question_id", "question_number", "question_kind", "option_id", "option", "rating_value", "responses", "rank_total"),
                sink -> jdbi.useHandle(h -> {
                    List<Long> finished = h.createQuery("""
                            SELECT id FROM consultations WHERE status = 'closed' OR (status = 'published' AND closes_on < :today) ORDER BY id""")
                            .bind("today", LocalDate.now(ConsultationsFeature.ZONE)).mapTo(Long.class).list();
                    for (long id : finished) {
                        List<Question> questions = ConsultationService.structure(h, id).stream().flatMap(w -> w.questions().stream())
                                .filter(Question::answerable).toList();
                        for (Analysis.QuestionResult r : analysis.results(id, questions, null).questions()) {
                            Question q = r.question();
                            if (q.hasOptions()) {
                                for (Analysis.OptionResult o : r.options().stream().sorted(java.util.Comparator.comparing(x -> q.options().indexOf(x.option()))).toList()) {
                                    sink.accept(Arrays.asList(id, q.id(), q.number(), q.kind(), o.option().id(), o.option().label(), null, o.count(),
                                            q.kind().equals("ranking") ? o.rankTotal() : null));
                                }
                            } else if (q.kind().equals("rating")) {
                                for (Analysis.RatingResult v : r.ratings()) sink.accept(Arrays.asList(id, q.id(), q.number(), q.kind(), null, null, v.value(), v.count(), null));
                            } else {
                                sink.accept(Arrays.asList(id, q.id(), q.number(), q.kind(), null, null, null, r.answered(), null));
                            }
                        }
                    }
                }));
    }
}
