package org.ebmjava.rbm;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The bars-and-stripes data set (MacKay): all n x n binary images whose rows, or whose columns, are constant. */
final class BarsAndStripes {
    private BarsAndStripes() {}

    /** The distinct patterns, 2 * 2^n - 2 of them (all-off and all-on counted once), row-major. */
    static double[][] patterns(int n) {
        Set<String> seen = new LinkedHashSet<>();
        List<double[]> out = new ArrayList<>();
        for (int mask = 0; mask < 1 << n; mask++) {
            for (int orient = 0; orient < 2; orient++) {
                double[] img = new double[n * n];
                for (int r = 0; r < n; r++) {
                    for (int col = 0; col < n; col++) {
                        int bit = orient == 0 ? r : col;
                        img[r * n + col] = (mask >>> bit) & 1;
                    }
                }
                if (seen.add(java.util.Arrays.toString(img))) {
                    out.add(img);
                }
            }
        }
        return out.toArray(new double[0][]);
    }

    /** The patterns repeated {@code copies} times. */
    static double[][] repeated(int n, int copies) {
        double[][] p = patterns(n);
        double[][] out = new double[p.length * copies][];
        for (int i = 0; i < out.length; i++) {
            out[i] = p[i % p.length];
        }
        return out;
    }
}
