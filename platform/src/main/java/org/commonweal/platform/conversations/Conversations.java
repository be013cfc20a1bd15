package org.commonweal.platform.conversations;

import org.commonweal.platform.core.audit.Actor;
import org.commonweal.platform.core.http.CurrentUser;
import org.commonweal.platform.core.http.Form;
import org.commonweal.platform.core.subjects.Subject;
import org.jdbi.v3.core.Handle;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What other features may do with conversations (published to {@code ctx.services()}): start one inside their own
 * transaction (a consultation's question of the kind "conversation"), withhold it while what it belongs to is a draft,
 * release, close or discard it, embed its voting card in their pages, and cite what it found. Only this feature reads
 * the conversation tables.
 */
public final class Conversations {
    /** Who may take part in a conversation another feature embeds: people signed in, or verified residents only. */
    public static final List<String> EMBEDDED_PARTICIPATIONS = List.of("signed_in", "verified");

    /** A conversation's settings as another feature's form gives them: moderation, who may take part, and seed statements. */
    public record Start(String moderation, String participation, List<String> seeds) {
    }

    /** A conversation as another page embeds it: its voting card (with the viewer's progress and what stands in their way). */
    public record Embedded(Conversation conversation, VoteCard card) {
    }

    /**
     * What a conversation found, to cite: when it was worked out, how many voted, each opinion group's size with the
     * statement that sets it apart most, and the statements most agreed and disagreed with (percent of those who voted on
     * each). Empty lists before the first map.
     */
    public record Findings(long id, String topic, OffsetDateTime computedAt, int voters, List<Group> groups, List<Shared> agreed,
                           List<Shared> disagreed) {
        public String reportUrl() {
            return Conversation.url(id) + "/report";
        }
    }

    /** An opinion group: its letter, its size and what sets it apart most (null when nothing does). */
    public record Group(String letter, int size, Shared apart, boolean apartAgree, int othersPercent) {
    }

    /** A statement and the share of those who voted on it that voted that way. */
    public record Shared(String statement, int percent, int votes) {
    }

    private final ConversationService conversations;
    private final Ballots ballots;
    private final Statements statements;
    private final Analyses analyses;
    private final Eligibility eligibility;

    Conversations(ConversationService conversations, Ballots ballots, Statements statements, Analyses analyses, Eligibility eligibility) {
        this.conversations = conversations;
        this.ballots = ballots;
        this.statements = statements;
        this.analyses = analyses;
        this.eligibility = eligibility;
    }

    /**
     * Reads the settings from the form's fields {@code moderation}, {@code participation} and {@code seeds} (one per line),
     * checked as the conversation's own form checks them; empty, with the errors on the form, when they are not right.
     */
    public Optional<Start> read(Form form) {
        String moderation = form.value("moderation");
        if (!Conversation.MODERATIONS.contains(moderation)) form.error("moderation", "conversations.error.moderation");
        String participation = form.value("participation");
        if (!EMBEDDED_PARTICIPATIONS.contains(participation)) form.error("participation", "conversations.error.participation");
        List<String> seeds = ConversationService.seeds(form);
        return form.hasErrors() ? Optional.empty() : Optional.of(new Start(moderation, participation, seeds));
    }

    /**
     * Starts a conversation about {@code about} in the caller's transaction, so it is stored with whatever it belongs to
     * or not at all. A {@code withheld} one is seen only by those who run it (not listed, not in search, 404 to others)
     * until {@link #release}d.
     */
    public long start(Handle h, String topic, Start start, Subject about, long ownerId, boolean forCouncil, boolean withheld, Actor actor) {
        return conversations.insert(h, topic, "", about, start.moderation(), start.participation(), ownerId, forCouncil, withheld, start.seeds(), actor);
    }

    /** Shows a withheld conversation to everyone (when what it belongs to is published). */
    public void release(Handle h, long id) {
        conversations.release(h, id);
    }

    /** Closes the conversation to new votes and statements, if it is open; its map and report stay. */
    public void close(Handle h, long id, Actor actor) {
        conversations.close(h, id, actor);
    }

    /** Deletes a conversation nobody else has seen yet (withheld); closes one that has been shown. */
    public void discard(Handle h, long id, Actor actor) {
        conversations.discard(h, id, actor);
    }

    /** The conversation and its voting card for the user (null: a visitor), if it exists and they may see it. */
    public Optional<Embedded> embed(long id, CurrentUser user) {
        return conversations.find(id).filter(c -> conversations.visible(c, user)).map(c -> {
            Participant who = user == null ? new Participant(null, null) : Participant.account(user.id());
            VoteCard card = new VoteCard(c, ballots.next(c, who).orElse(null), ballots.progress(c, who), eligibility.barrier(c, user));
            return new Embedded(c, card);
        });
    }

    /** What the conversation found, in words to cite, if it exists (its latest map; empty lists before the first). */
    public Optional<Findings> findings(long id) {
        return conversations.find(id).map(c -> {
            Optional<OpinionMap> map = analyses.latest(id);
            if (map.isEmpty()) return new Findings(id, c.topic(), null, 0, List.of(), List.of(), List.of());
            Map<Integer, String> texts = new HashMap<>();
            for (Statement s : statements.shown(c)) texts.put(s.number(), s.body());
            OpinionMap m = map.get();
            List<Group> groups = m.groups().stream().map(g -> {
                OpinionMap.Rep rep = g.reps().stream().filter(r -> texts.containsKey(r.statement())).findFirst().orElse(null);
                return rep == null ? new Group(g.letter(), g.size(), null, false, 0)
                        : new Group(g.letter(), g.size(), new Shared(texts.get(rep.statement()), rep.inGroup(), rep.groupVotes()), rep.agree(), rep.others());
            }).toList();
            return new Findings(id, c.topic(), m.computedAt(), m.voters(), groups, shared(m.consensusAgree(), texts), shared(m.consensusDisagree(), texts));
        });
    }

    private static List<Shared> shared(List<OpinionMap.Shared> list, Map<Integer, String> texts) {
        return list.stream().filter(s -> texts.containsKey(s.statement())).map(s -> new Shared(texts.get(s.statement()), s.percent(), s.votes())).toList();
    }
}
