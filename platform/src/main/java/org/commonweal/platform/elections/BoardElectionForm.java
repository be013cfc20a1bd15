package org.commonweal.platform.elections;

import org.commonweal.platform.core.http.Form;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The organiser's form for a new election, with a fixed number of candidate rows so it needs no script. */
public final class BoardElectionForm {
    public static final int CANDIDATE_ROWS = 12;
    public static final int MAX_STATEMENT = 2000;
    /** Times are entered as UK local time. */
    public static final ZoneId ZONE = ZoneId.of("Europe/London");

    public record Draft(String title, int seats, String rule, OffsetDateTime opensAt, OffsetDateTime closesAt, List<BoardElection.Candidate> candidates) {
    }

    private BoardElectionForm() {
    }

    public static List<String> fields() {
        List<String> f = new ArrayList<>(List.of("title", "seats", "rule", "opensAt", "closesAt"));
        for (int i = 0; i < CANDIDATE_ROWS; i++) f.addAll(List.of("candidateName" + i, "candidateStatement" + i));
        return f;
    }

    public static Form blank() {
        Form f = Form.empty();
        for (String name : fields()) f.set(name, "");
        return f.set("rule", "scottish").set("seats", "1");
    }

    /** Checks every field; returns the draft, or null with the errors on the form. */
    static Draft read(Form form) {
        String title = form.requireText("title", 200, "elections.board.error.title", "elections.board.error.titleTooLong");
        Integer seats = null;
        try {
            seats = Integer.parseInt(form.value("seats").strip());
            if (seats < 1 || seats > CANDIDATE_ROWS) {
                form.error("seats", "elections.board.error.seats");
                seats = null;
            }
        } catch (NumberFormatException e) {
            form.error("seats", "elections.board.error.seats");
        }
        String rule = form.value("rule");
        if (!BoardElection.RULES.contains(rule)) form.error("rule", "elections.board.error.rule");
        OffsetDateTime opens = time(form, "opensAt");
        OffsetDateTime closes = time(form, "closesAt");
        if (opens != null && closes != null && !closes.isAfter(opens)) form.error("closesAt", "elections.board.error.closesBeforeOpens");
        List<BoardElection.Candidate> candidates = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < CANDIDATE_ROWS; i++) {
            String name = form.value("candidateName" + i).strip();
            String statement = form.value("candidateStatement" + i).strip();
            form.set("candidateName" + i, name).set("candidateStatement" + i, statement);
            if (name.isEmpty()) {
                if (!statement.isEmpty()) form.error("candidateName" + i, "elections.board.error.candidateName");
                continue;
            }
            if (name.length() > 200 || name.chars().anyMatch(Character::isISOControl)) form.error("candidateName" + i, "elections.board.error.candidateNameTooLong");
            else if (!names.add(name.toLowerCase(Locale.ROOT))) form.error("candidateName" + i, "elections.board.error.candidateTwice");
            if (statement.length() > MAX_STATEMENT) form.error("candidateStatement" + i, "elections.board.error.statementTooLong");
            candidates.add(new BoardElection.Candidate(candidates.size(), name, statement));
        }
        if (candidates.size() < 2) form.error("candidateName0", "elections.board.error.tooFewCandidates");
        else if (seats != null && seats >= candidates.size()) form.error("seats", "elections.board.error.seatsNotFewerThanCandidates");
        if (form.hasErrors()) return null;
        return new Draft(title, seats, rule, opens, closes, candidates);
    }

    private static OffsetDateTime time(Form form, String field) {
        LocalDateTime t = form.dateTime(field, "elections.board.error.time");
        return t == null ? null : t.atZone(ZONE).toOffsetDateTime();
    }
}
