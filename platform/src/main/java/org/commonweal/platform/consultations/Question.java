package org.commonweal.platform.consultations;

import java.util.List;

/**
 * One question of a workstream. Kinds: free text (up to {@code maxLength} characters), single choice, multiple choice
 * (at most {@code maxChoices} when set), rating (1..{@code scale}, with labels for both ends), ranking (every
 * option given a distinct place) and conversation (the conversations feature's conversation {@code conversationId}, on
 * the prompt as its topic: residents vote on statements and write their own, not on the answer form).
 * {@code number} counts questions across the whole consultation, from 1.
 */
public record Question(long id, long workstreamId, int number, String kind, String prompt, Integer maxLength, Integer maxChoices,
                       Integer scale, String lowLabel, String highLabel, List<Option> options, Long conversationId) {
    public static final List<String> KINDS = List.of("text", "single", "multiple", "rating", "ranking", "conversation");
    /** A conversation's topic is its prompt, and topics are at most this long. */
    static final int LONGEST_TOPIC = 200;

    public record Option(long id, String label) {
    }

    /** Answered on the answer form (a conversation is taken part in on the consultation's page instead). */
    public boolean answerable() {
        return conversationId == null;
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
