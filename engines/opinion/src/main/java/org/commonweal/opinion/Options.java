package org.commonweal.opinion;

/**
 * The tunables of Polis's math; {@link #POLIS} holds the values of Polis's math worker.
 *
 * @param pcaIterations   power-iteration steps per component when warm-started from the last update (Polis: 100)
 * @param coldPcaIterations without a warm start, at most this many subspace-iteration steps from a seeded random
 *                        block to find the starting vectors (Polis starts from an unseeded {@code rand})
 * @param baseK           base clusters (Polis: 100)
 * @param baseIterations  k-means steps for base clusters (Polis: 100)
 * @param groupIterations k-means steps for group clusters (Polis: 20 — its option for 100 is never passed through)
 * @param maxK            most groups (Polis: 5)
 * @param groupKBuffer    updates in a row a new k must win before it is shown (Polis: 4)
 * @param seed            seed of the random start vector of a cold PCA (Polis uses an unseeded {@code rand})
 */
public record Options(int pcaIterations, int coldPcaIterations, int baseK, int baseIterations, int groupIterations,
                      int maxK, int groupKBuffer, long seed) {
    public static final Options POLIS = new Options(100, 1_000, 100, 100, 20, 5, 4, 0L);
}
