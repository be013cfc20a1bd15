package org.commonweal.opinion;

/** A position on the opinion map: the first two principal components. */
public record Point(double x, double y) {
    double distance(Point other) {
        return Math.sqrt(squaredDistance(other));
    }

    double squaredDistance(Point other) {
        double dx = x - other.x;
        double dy = y - other.y;
        return dx * dx + dy * dy;
    }
}
