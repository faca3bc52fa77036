package org.ebmjava.activeinference;

import java.util.List;

/** The two-state, two-outcome model whose numbers are worked out by hand in the tests. */
final class TwoStateModel {

    private TwoStateModel() {}

    /**
     * A[o][s] = [[0.9, 0.2], [0.1, 0.8]], one action that keeps the state (B = I), preferences
     * P(o) = (0.8, 0.2) given as C = log P, prior D = (1/2, 1/2).
     */
    static Pomdp create() {
        double[][] a = {{0.9, 0.2}, {0.1, 0.8}};
        double[][][] b = {{{1, 0}, {0, 1}}};
        double[][] c = {{Math.log(0.8), Math.log(0.2)}};
        double[] d = {0.5, 0.5};
        return new Pomdp(a, b, c, d, List.of("s1", "s2"), List.of("o1", "o2"), List.of("stay"));
    }
}
