package org.commonweal.opinion;

import java.util.List;

/**
 * The principal components of the mean-filled, centred vote matrix (moderated-out statements zeroed).
 * Arrays are indexed like {@code statements}.
 *
 * @param statements            statement ids, ascending (the columns of the vote matrix)
 * @param center                each statement's mean vote (agree = +1)
 * @param components            the components, unit length (two unless the matrix is smaller than 2 × 2)
 * @param statementProjections  where a participant who agreed with only that statement would sit
 * @param extremity             the length of that projection: how much the statement moves people on the map
 */
public record Pca(List<Long> statements, double[] center, List<double[]> components,
                  List<Point> statementProjections, double[] extremity) {
    public Pca {
        statements = List.copyOf(statements);
        components = List.copyOf(components);
        statementProjections = List.copyOf(statementProjections);
    }
}
