package org.commonweal.pb.pabulib;

import org.commonweal.pb.Ballot;
import org.commonweal.pb.Instance;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/** Field-by-field equality of two instances (ballot arrays are compared by content, which records do not do). */
final class InstanceComparison {
    private InstanceComparison() {
    }

    static void assertSame(Instance actual, Instance expected, String file) {
        assertThat(actual.meta()).as(file + " META").containsExactlyEntriesOf(expected.meta());
        assertThat(actual.projectColumns()).as(file + " project columns").isEqualTo(expected.projectColumns());
        assertThat(actual.voteColumns()).as(file + " vote columns").isEqualTo(expected.voteColumns());
        assertThat(actual.costScale()).as(file + " cost scale").isEqualTo(expected.costScale());
        assertThat(actual.budget()).as(file + " budget").isEqualTo(expected.budget());
        assertThat(actual.projects()).as(file + " projects").isEqualTo(expected.projects());
        assertThat(actual.ballots()).as(file + " ballot count").hasSameSizeAs(expected.ballots());
        for (int i = 0; i < expected.ballots().size(); i++) {
            Ballot a = actual.ballots().get(i), e = expected.ballots().get(i);
            String where = file + " ballot " + i;
            assertThat(a.voterId()).as(where).isEqualTo(e.voterId());
            if (!Arrays.equals(a.projects(), e.projects()) || !Arrays.equals(a.points(), e.points()) || !a.columns().equals(e.columns())) {
                throw new AssertionError(where + " differs: " + a.columns() + " vs " + e.columns());
            }
        }
    }
}
