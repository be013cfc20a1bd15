package org.commonweal.pb.pabulib;

import org.commonweal.pb.Ballot;
import org.commonweal.pb.Instance;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * A file read together with every ballot that breaks its META's rules, so that a count can be run with the
 * ballots as cast or without the invalid ones, and say how many there were.
 */
public record ValidatedInstance(Instance instance, List<BallotViolation> violations) {
    public ValidatedInstance {
        violations = List.copyOf(violations);
    }

    /** How many ballots break at least one rule. */
    public int invalidBallots() {
        return invalid().cardinality();
    }

    /** The instance with every invalid ballot left out (the same instance when all are valid). */
    public Instance withoutInvalid() {
        BitSet invalid = invalid();
        if (invalid.isEmpty()) return instance;
        List<Ballot> kept = new ArrayList<>(instance.ballots().size() - invalid.cardinality());
        for (int i = 0; i < instance.ballots().size(); i++) if (!invalid.get(i)) kept.add(instance.ballots().get(i));
        return new Instance(instance.meta(), instance.projects(), kept, instance.projectColumns(), instance.voteColumns(),
                instance.costScale(), instance.budget());
    }

    private BitSet invalid() {
        BitSet invalid = new BitSet();
        for (BallotViolation v : violations) invalid.set(v.ballot());
        return invalid;
    }
}
