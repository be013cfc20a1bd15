package org.commonweal.platform.consultations;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

/**
 * A consultation's details. {@code organisationId} null means the council runs it. Dates are Europe/London calendar
 * days, both inclusive: answers are accepted while it is published and today lies between them.
 */
public record Consultation(long id, Long organisationId, String organisationName, String title, String body, Long placeId,
                           String placeName, LocalDate opensOn, LocalDate closesOn, String status, boolean answersPublic,
                           OffsetDateTime outcomePublishedAt, LocalDate closedOn) {
    /** Closed by its organisers before the planned last day: its page shows when it really closed. */
    public boolean closedEarly() {
        return closedOn != null && closedOn.isBefore(closesOn);
    }

    /** The same consultation with its group's name, which the groups service gives (the row keeps only the id). */
    public Consultation withOrganisationName(String name) {
        return new Consultation(id, organisationId, name, title, body, placeId, placeName, opensOn, closesOn, status, answersPublic,
                outcomePublishedAt, closedOn);
    }

    public boolean draft() {
        return status.equals("draft");
    }

    public boolean acceptsAnswers(LocalDate today) {
        return status.equals("published") && !today.isBefore(opensOn) && !today.isAfter(closesOn);
    }

    /** Over: closed by its owner, or published and past its closing day. */
    public boolean finished(LocalDate today) {
        return status.equals("closed") || (status.equals("published") && today.isAfter(closesOn));
    }

    public boolean outcomePublished() {
        return outcomePublishedAt != null;
    }

    /** The body's paragraphs: blocks separated by blank lines. */
    public List<String> paragraphs() {
        return Arrays.stream(body.strip().split("\\R\\s*\\R")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
