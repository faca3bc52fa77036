package org.ebmjava.stats;

/** Argument checks shared by the classes that take point sets (n x d arrays, row i = point i). */
final class PointSets {

    private PointSets() {}

    /**
     * Checks that a point set is non-empty, rectangular and finite.
     *
     * @param points The points. Not modified.
     * @param name The argument's name for messages.
     * @return The dimension d.
     */
    static int check(double[][] points, String name) {
        if (points == null || points.length == 0) {
            throw new IllegalArgumentException(name + " must hold at least one point, found "
                    + (points == null ? "null" : "0 points"));
        }
        if (points[0] == null || points[0].length == 0) {
            throw new IllegalArgumentException(name + "[0] must be a point of dimension >= 1");
        }
        int d = points[0].length;
        for (int i = 0; i < points.length; i++) {
            double[] p = points[i];
            if (p == null || p.length != d) {
                throw new IllegalArgumentException(name + "[" + i + "] must have dimension " + d
                        + ", found " + (p == null ? "null" : p.length));
            }
            for (int j = 0; j < d; j++) {
                if (!Double.isFinite(p[j])) {
                    throw new IllegalArgumentException(
                            name + "[" + i + "][" + j + "] must be finite, found " + p[j]);
                }
            }
        }
        return d;
    }

    /**
     * Checks two point sets and that they have the same dimension.
     *
     * @return The common dimension d.
     */
    static int checkPair(double[][] x, String xName, double[][] y, String yName) {
        int dx = check(x, xName);
        int dy = check(y, yName);
        if (dx != dy) {
            throw new IllegalArgumentException(xName + " and " + yName
                    + " must have the same dimension, found " + dx + " and " + dy);
        }
        return dx;
    }

    /** Euclidean distance between two points of the same dimension. */
    static double distance(double[] a, double[] b) {
        return Math.sqrt(squaredDistance(a, b));
    }

    /** Squared Euclidean distance between two points of the same dimension. */
    static double squaredDistance(double[] a, double[] b) {
        double s = 0.0;
        for (int j = 0; j < a.length; j++) {
            double d = a[j] - b[j];
            s += d * d;
        }
        return s;
    }
}
