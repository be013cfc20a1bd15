package org.commonweal.platform.conversations;

import org.commonweal.platform.core.audit.Actor;
import org.commonweal.platform.core.http.CurrentUser;
import org.commonweal.platform.core.http.Form;
import org.commonweal.platform.core.http.Role;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The demo's conversation: a council's question about the high street with realistic statements, and 90 synthetic
 * participants from three camps (drivers and traders, walkers and cyclists, older residents who want it quiet) voting
 * with a fixed seed, so the map shows its groups and the same ones every time. The synthetic participants are
 * anonymous and tied to no account.
 */
final class DemoConversation {
    static final String TOPIC = "What should change on Riverside High Street?";
    /** Per statement: how each camp leans (+1 agree, -1 disagree, 0 split), then the statement. */
    private record Seed(int traders, int walkers, int quiet, String text) {
    }

    private static final List<Seed> SEEDS = List.of(
            new Seed(1, 1, 1, "The high street needs more public benches and shade."),
            new Seed(1, 1, 1, "Empty shop units should be offered to local start-ups at low rent."),
            new Seed(1, -1, 0, "Parking on the high street should stay free for the first hour."),
            new Seed(-1, 1, 0, "The high street should be closed to through traffic at weekends."),
            new Seed(-1, 1, -1, "A protected cycle lane should run the full length of the street."),
            new Seed(1, -1, 1, "Delivery lorries should only be allowed before 10am."),
            new Seed(0, 1, 1, "Pavements are too cluttered with A-boards and bins."),
            new Seed(1, -1, -1, "Late-night takeaways bring life to the street and should be allowed to open until 2am."),
            new Seed(-1, -1, 1, "Noise from bars after 11pm is a serious problem for people living nearby."),
            new Seed(1, 0, 1, "The weekly market should move back to Saturdays."),
            new Seed(-1, 1, 0, "Some parking spaces should become parklets with planters and seating."),
            new Seed(1, 1, 1, "The council should fix broken paving before any new schemes."),
            new Seed(-1, 1, -1, "The speed limit on the high street should be 20mph."),
            new Seed(1, -1, 0, "Business rates relief matters more than street furniture."),
            new Seed(0, 1, 1, "Crossings near the school need longer green-man times."),
            new Seed(1, -1, 1, "CCTV should cover the whole street."),
            new Seed(-1, 1, 0, "Bike parking should be added outside the library and the station."),
            new Seed(1, 1, 0, "Events such as street fairs should happen every month in summer."),
            new Seed(-1, 0, 1, "Fewer betting shops and vape shops should be licensed."),
            new Seed(1, 1, 1, "Public toilets should reopen in the market square."));

    private final ConversationService conversations;
    private final Analyses analyses;
    private final Jdbi jdbi;

    DemoConversation(ConversationService conversations, Analyses analyses, Jdbi jdbi) {
        this.conversations = conversations;
        this.analyses = analyses;
        this.jdbi = jdbi;
    }

    void load(long officerId) {
        StringBuilder seeds = new StringBuilder();
        for (Seed s : SEEDS) seeds.append(s.text()).append('\n');
        CurrentUser officer = new CurrentUser(officerId, "", "", true, null, Set.of(Role.OFFICER));
        long id = conversations.create(Form.empty().set("topic", TOPIC)
                .set("description", "Riverside's high street is being redesigned next year. Tell us what you think, and see where "
                        + "people agree. Vote on each statement, and add your own if something is missing.")
                .set("moderation", "strict").set("participation", "anonymous").set("seeds", seeds.toString()), officer, Actor.SYSTEM).orElseThrow();
        votes(id);
        analyses.recompute(id);
    }

    /** 90 participants, 30 per camp; each votes on about four statements in five, with their camp four times in five. */
    private void votes(long conversationId) {
        SplittableRandom random = new SplittableRandom(14);
        jdbi.useTransaction(h -> {
            List<Long> statementIds = h.createQuery("SELECT id FROM conversation_statements WHERE conversation_id = :c ORDER BY number")
                    .bind("c", conversationId).mapTo(Long.class).list();
            PreparedBatch votes = h.prepareBatch("INSERT INTO conversation_votes (participant_id, statement_id, conversation_id, vote) VALUES (?, ?, ?, ?)");
            for (int p = 0; p < 90; p++) {
                int camp = p % 3;
                long participant = h.createUpdate("""
                        INSERT INTO conversation_participants (conversation_id, number, anonymous_key) VALUES (:c, :n, :k)""")
                        .bind("c", conversationId).bind("n", p).bind("k", "demo-" + p).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
                for (int s = 0; s < SEEDS.size(); s++) {
                    if (random.nextDouble() > 0.8) continue;
                    Seed seed = SEEDS.get(s);
                    int lean = camp == 0 ? seed.traders() : camp == 1 ? seed.walkers() : seed.quiet();
                    double roll = random.nextDouble();
                    int vote = lean == 0 ? random.nextInt(3) - 1 : roll < 0.8 ? lean : roll < 0.9 ? 0 : -lean;
                    votes.add(participant, statementIds.get(s), conversationId, vote);
                }
            }
            votes.execute();
        });
    }
}
