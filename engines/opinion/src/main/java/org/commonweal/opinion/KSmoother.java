package org.commonweal.opinion;

/**
 * Polis's rule against flickering group counts: the best k by silhouette must win {@link Options#groupKBuffer()}
 * updates in a row before the groups shown change to it.
 *
 * @param lastK      the best k of the last update
 * @param lastKCount how many updates in a row it has been best
 * @param smoothedK  the k whose groups are shown
 */
public record KSmoother(int lastK, int lastKCount, int smoothedK) {
}
