package org.commonweal.cli.opinion;

import org.commonweal.opinion.Analysis;
import org.commonweal.opinion.ConsensusStatement;
import org.commonweal.opinion.Group;
import org.commonweal.opinion.RepStatement;
import org.commonweal.opinion.Vote;
import org.commonweal.opinion.io.ConversationFile;
import org.commonweal.opinion.io.Statement;

import java.io.PrintStream;
import java.util.List;

/** The analysis in words: the groups and their sizes, what sets each apart (with the statements' text), consensus. */
final class AnalysisText {
    private final ConversationFile conversation;
    private final Analysis analysis;

    AnalysisText(ConversationFile conversation, Analysis analysis) {
        this.conversation = conversation;
        this.analysis = analysis;
    }

    /** Polis names its groups A, B, C, ... in id order. */
    static String label(int index) {
        return String.valueOf((char) ('A' + index));
    }

    void print(PrintStream out) {
        if (!conversation.topic().isBlank()) out.println(conversation.topic());
        out.printf("%s voted on %s (%s); %s placed in opinion groups.%n",
                count(analysis.participants(), "participant"), count(analysis.statements(), "statement"),
                count(conversation.matrix().voteCount(), "vote"), count(analysis.inConversation().size(), "participant"));
        List<Group> groups = analysis.groups();
        out.println();
        if (groups.isEmpty()) {
            out.println("Too few votes to form opinion groups yet.");
        } else {
            out.printf("%s:%n", count(groups.size(), "opinion group"));
            for (int i = 0; i < groups.size(); i++) out.printf("  Group %s: %s%n", label(i), count(groups.get(i).members().size(), "participant"));
        }
        for (int i = 0; i < groups.size(); i++) {
            out.println();
            out.printf("What sets group %s apart:%n", label(i));
            List<RepStatement> reps = analysis.repness().getOrDefault(groups.get(i).id(), List.of());
            if (reps.isEmpty()) out.println("  nothing stands out");
            for (RepStatement r : reps) {
                out.printf("  - %s of %d in the group %s (%.0f%% of them, %.1f times as likely as the others): %s%n",
                        r.nSuccess(), r.nTrials(), r.repfulFor() == Vote.AGREE ? "agreed" : "disagreed",
                        100.0 * r.nSuccess() / Math.max(1, r.nTrials()), r.repness(), text(r.statementId()));
            }
        }
        out.println();
        out.println("Consensus across everyone:");
        consensus(out, "agreed", analysis.consensus().agree());
        consensus(out, "disagreed", analysis.consensus().disagree());
    }

    private void consensus(PrintStream out, String how, List<ConsensusStatement> statements) {
        if (statements.isEmpty()) {
            out.printf("  No statement most %s with.%n", how);
            return;
        }
        out.printf("  Most %s with:%n", how);
        for (ConsensusStatement s : statements) out.printf("  - %d of %d %s: %s%n", s.nSuccess(), s.nTrials(), how, text(s.statementId()));
    }

    private String text(long statement) {
        Statement s = conversation.statements().get(statement);
        return s == null ? "(statement " + statement + ")" : "\u201C" + s.text().strip().replaceAll("\\s+", " ") + "\u201D";
    }

    private static String count(long n, String noun) {
        return String.format("%,d %s", n, n == 1 ? noun : noun + "s");
    }
}
