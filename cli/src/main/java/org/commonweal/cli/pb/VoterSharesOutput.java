package org.commonweal.cli.pb;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.commonweal.pb.Ballot;
import org.commonweal.pb.Instance;
import org.commonweal.pb.Rational;
import org.commonweal.pb.mes.VoterShares;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Each voter's share under Equal Shares ({@code --shares}, or one voter with {@code --voter ID}): what they paid
 * toward each funded project and what they had left. JSON: voter_shares {start_each, projects, voters:
 * [{voter_id, paid: {project id: amount}, left}]}, amounts in currency units to 6 decimals; only non-zero payments.
 */
record VoterSharesOutput(Instance instance, VoterShares shares, String onlyVoter) {
    private static final int DECIMALS = 6;

    /** Ballot indices to show: every voter, or the one asked for. */
    List<Integer> voters() throws org.commonweal.cli.UsageException {
        List<Integer> chosen = new ArrayList<>();
        for (int v = 0; v < instance.ballots().size(); v++) {
            if (onlyVoter == null || instance.ballots().get(v).voterId().equals(onlyVoter)) chosen.add(v);
        }
        if (onlyVoter != null && chosen.isEmpty()) throw new org.commonweal.cli.UsageException("--voter: no ballot has voter_id '" + onlyVoter + "'");
        return chosen;
    }

    void json(ObjectNode root) throws org.commonweal.cli.UsageException {
        ObjectNode node = root.putObject("voter_shares");
        node.put("start_each", amount(shares.start()));
        ArrayNode projects = node.putArray("projects");
        shares.projects().forEach(p -> projects.add(instance.projects().get(p).id()));
        ArrayNode list = node.putArray("voters");
        for (int v : voters()) {
            ObjectNode item = list.addObject();
            item.put("voter_id", instance.ballots().get(v).voterId());
            ObjectNode paid = item.putObject("paid");
            Rational[] row = shares.paid().get(v);
            for (int k = 0; k < row.length; k++) {
                if (row[k].signum() > 0) paid.put(instance.projects().get(shares.projects().get(k)).id(), amount(row[k]));
            }
            item.put("left", amount(shares.left().get(v)));
        }
    }

    void text(PrintStream out) throws org.commonweal.cli.UsageException {
        Money money = new Money(instance);
        out.println();
        out.println("Each voter's share: everyone started with " + money.text(amount(shares.start()))
                + " to spend on the projects Equal Shares funded.");
        if (shares.projects().isEmpty()) {
            out.println("  No project was paid for from voters' shares.");
            return;
        }
        for (int v : voters()) {
            Ballot ballot = instance.ballots().get(v);
            Rational[] row = shares.paid().get(v);
            List<String> parts = new ArrayList<>();
            for (int k = 0; k < row.length; k++) {
                if (row[k].signum() > 0) {
                    int p = shares.projects().get(k);
                    parts.add(money.text(amount(row[k])) + " toward " + instance.projects().get(p).id() + " " + OutcomeText.quoted(instance.projects().get(p).name(), Integer.MAX_VALUE));
                }
            }
            String spent = parts.isEmpty() ? "paid toward nothing funded" : "paid " + String.join(", ", parts);
            out.println("  voter " + ballot.voterId() + ": " + spent + "; " + money.text(amount(shares.left().get(v))) + " left.");
        }
    }

    private BigDecimal amount(Rational scaled) {
        return VoterShares.currency(scaled, instance, DECIMALS);
    }
}
