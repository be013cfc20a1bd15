package org.commonweal.opinion;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The participant × statement vote matrix, stored sparse (one row of (statement, vote) pairs per participant).
 * Rows are the participants who voted at least once, columns the statements voted on at least once, both in
 * ascending id order. Moderated-out and meta statements stay in the matrix (their votes count for
 * in-conversation and group votes, as in Polis) and are zeroed for the PCA and left out of repness and consensus.
 * Immutable; build one with {@link #builder()}.
 */
public final class VoteMatrix {
    final long[] participants;
    final long[] statements;
    /** Row r's entries are columns[rowStart[r] .. rowStart[r+1]) with values[...] in {-1, 0, 1}. */
    final int[] rowStart;
    final int[] columns;
    final byte[] values;
    final boolean[] moderatedOut;
    final boolean[] meta;

    private VoteMatrix(long[] participants, long[] statements, int[] rowStart, int[] columns, byte[] values,
                       boolean[] moderatedOut, boolean[] meta) {
        this.participants = participants;
        this.statements = statements;
        this.rowStart = rowStart;
        this.columns = columns;
        this.values = values;
        this.moderatedOut = moderatedOut;
        this.meta = meta;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Participant ids, ascending. */
    public List<Long> participantIds() {
        return Arrays.stream(participants).boxed().toList();
    }

    /** Ids of the statements with at least one vote, ascending. */
    public List<Long> statementIds() {
        return Arrays.stream(statements).boxed().toList();
    }

    public int participantCount() {
        return participants.length;
    }

    public int statementCount() {
        return statements.length;
    }

    /** Number of votes (passes included). */
    public int voteCount() {
        return values.length;
    }

    /** The vote of a participant on a statement, or null if they have not voted on it. */
    public Vote vote(long participant, long statement) {
        int r = Arrays.binarySearch(participants, participant);
        int c = Arrays.binarySearch(statements, statement);
        if (r < 0 || c < 0) return null;
        int at = Arrays.binarySearch(columns, rowStart[r], rowStart[r + 1], c);
        return at < 0 ? null : Vote.of(values[at]);
    }

    public boolean isModeratedOut(long statement) {
        int c = Arrays.binarySearch(statements, statement);
        return c >= 0 && moderatedOut[c];
    }

    public boolean isMeta(long statement) {
        int c = Arrays.binarySearch(statements, statement);
        return c >= 0 && meta[c];
    }

    int columnOf(long statement) {
        return Arrays.binarySearch(statements, statement);
    }

    int rowOf(long participant) {
        return Arrays.binarySearch(participants, participant);
    }

    /**
     * Collects votes in any order; a later vote by the same participant on the same statement replaces the
     * earlier one (a changed mind), as Polis keeps only the latest.
     */
    public static final class Builder {
        private long[] pids = new long[1024];
        private long[] tids = new long[1024];
        private byte[] votes = new byte[1024];
        private int size;
        private final Set<Long> moderatedOut = new HashSet<>();
        private final Set<Long> meta = new HashSet<>();

        private Builder() {
        }

        public Builder vote(long participant, long statement, Vote vote) {
            if (size == pids.length) {
                int capacity = size * 2;
                pids = Arrays.copyOf(pids, capacity);
                tids = Arrays.copyOf(tids, capacity);
                votes = Arrays.copyOf(votes, capacity);
            }
            pids[size] = participant;
            tids[size] = statement;
            votes[size] = (byte) vote.value();
            size++;
            return this;
        }

        /** A statement moderated out (rejected): zeroed for the PCA, never representative or consensus. */
        public Builder moderatedOut(long statement) {
            moderatedOut.add(statement);
            return this;
        }

        /**
         * A meta statement (about the participant, e.g. "I live in the north ward"): Polis treats it as moderated
         * out for the math and gives it a fixed priority.
         */
        public Builder meta(long statement) {
            meta.add(statement);
            moderatedOut.add(statement);
            return this;
        }

        public VoteMatrix build() {
            long[] participants = Arrays.stream(pids, 0, size).distinct().sorted().toArray();
            long[] statements = Arrays.stream(tids, 0, size).distinct().sorted().toArray();
            int[] row = new int[size];
            int[] col = new int[size];
            for (int i = 0; i < size; i++) {
                row[i] = Arrays.binarySearch(participants, pids[i]);
                col[i] = Arrays.binarySearch(statements, tids[i]);
            }
            int[] order = order(row, col, participants.length, statements.length);
            int[] rowStart = new int[participants.length + 1];
            int[] columns = new int[size];
            byte[] values = new byte[size];
            int n = 0;
            for (int k = 0; k < size; k++) {
                int i = order[k];
                boolean lastOfPair = k + 1 == size || row[order[k + 1]] != row[i] || col[order[k + 1]] != col[i];
                if (!lastOfPair) continue;
                columns[n] = col[i];
                values[n] = votes[i];
                rowStart[row[i] + 1] = n + 1;
                n++;
            }
            for (int r = 1; r <= participants.length; r++) rowStart[r] = Math.max(rowStart[r], rowStart[r - 1]);
            boolean[] out = new boolean[statements.length];
            boolean[] isMeta = new boolean[statements.length];
            for (int c = 0; c < statements.length; c++) {
                out[c] = moderatedOut.contains(statements[c]);
                isMeta[c] = meta.contains(statements[c]);
            }
            return new VoteMatrix(participants, statements, rowStart, Arrays.copyOf(columns, n), Arrays.copyOf(values, n), out, isMeta);
        }

        /**
         * Vote indexes sorted by (row, column, order added), so that the last of equal pairs is the latest vote:
         * one primitive sort of packed keys when they fit in a long, else a comparator sort.
         */
        private int[] order(int[] row, int[] col, int rows, int cols) {
            if ((double) rows * cols * size < Long.MAX_VALUE / 2) {
                long[] keys = new long[size];
                for (int i = 0; i < size; i++) keys[i] = ((long) row[i] * cols + col[i]) * size + i;
                Arrays.sort(keys);
                int[] order = new int[size];
                for (int k = 0; k < size; k++) order[k] = (int) (keys[k] % size);
                return order;
            }
            Integer[] boxed = new Integer[size];
            for (int i = 0; i < size; i++) boxed[i] = i;
            Arrays.sort(boxed, (a, b) -> row[a] != row[b] ? Integer.compare(row[a], row[b]) : Integer.compare(col[a], col[b]));
            return Arrays.stream(boxed).mapToInt(Integer::intValue).toArray();
        }
    }
}
