package org.commonweal.platform.consultations;

import java.util.List;

/** A strand of a consultation ("Rebuilding the economy") with its ordered questions and its published outcome text. */
public record Workstream(long id, String title, String outcome, List<Question> questions) {
}
