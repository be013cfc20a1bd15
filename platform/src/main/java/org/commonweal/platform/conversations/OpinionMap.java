package org.commonweal.platform.conversations;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * The latest analysis of a conversation as its pages draw it, cached as JSON: participants as dots, the opinion groups
 * with the statements that set each apart (in percentages, for sentences), consensus, and the statement priorities that
 * choose what to show next. Participants and statements are named by their numbers in the conversation; percentages
 * are whole numbers, as the pages say them.
 *
 * @param voters         participants who have voted
 * @param inConversation participants placed in groups (Polis's rule: enough votes)
 * @param dots           every voter's place on the map, with their group (-1 for one not placed in a group)
 */
public record OpinionMap(OffsetDateTime computedAt, int voters, int inConversation, int statementsVoted, List<Dot> dots, List<GroupView> groups,
                         List<Shared> consensusAgree, List<Shared> consensusDisagree, List<AcrossGroups> acrossGroups,
                         Map<Integer, Double> priorities) {

    public record Dot(int participant, double x, double y, int group) {
    }

    /** A group, its letter (A, B, ...) and its share of those placed, with what sets it apart. */
    public record GroupView(int id, String letter, int size, List<Rep> reps) {
    }

    /**
     * A statement that sets a group apart: {@code agree} says which way; {@code inGroup} is the share of the group that
     * voted that way, {@code others} the share of everyone in the other groups.
     */
    public record Rep(int statement, boolean agree, int inGroup, int others, int groupVotes) {
    }

    /** A statement most participants agree (or disagree) with: the share that did, of those who voted on it. */
    public record Shared(int statement, int percent, int votes) {
    }

    /** A statement every group leans to agree with: each group's share agreeing, in group order. */
    public record AcrossGroups(int statement, double score, List<Integer> groupPercents) {
    }

    public static String letter(int index) {
        return String.valueOf((char) ('A' + index));
    }

    /** The group a participant is in, if the map placed them in one. */
    public java.util.Optional<Dot> dotOf(int participant) {
        return dots.stream().filter(d -> d.participant() == participant).findFirst();
    }
}
