package org.commonweal.platform.consultations;

import java.util.List;

/**
 * One question of a workstream. Kinds: free text (up to {@code maxLength} characters), single choice, multiple choice
 * (at most {@code maxChoices} when set), rating (1..{@code scale}, with labels for both ends) and ranking (every
 * option given a distinct place). {@code number} counts questions across the whole consultation, from 1.
 */
public record Question(long id, long workstreamId, int number, String kind, String prompt, Integer maxLength, Integer maxChoices,
                       Integer scale, String lowLabel, String highLabel, List<Option> options) {
    public static final List<String> KINDS = List.of("text", "single", "multiple", "rating", "ranking");

    public record Option(long id, String label) {
    }

    public boolean hasOptions() {
        return kind.equals("single") || kind.equals("multiple") || kind.equals("ranking");
    }

    /** The form field of the answer (and the anchor of its error). */
    public String field() {
        return "q" + id;
    }

    /** The field for one option of a multiple-choice or ranking question. */
    public String field(Option option) {
        return "q" + id + "-o" + option.id();
    }
}
