package org.ebmjava.landscape;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Locates the global minimum of a landscape inside its domain numerically: a dense grid search,
 * then gradient descent with backtracking (Armijo) line search from the lowest grid-local minima,
 * finished by a few Newton steps.
 */
final class MinimumSearch {

    /** How many of the lowest grid-local minima are refined. */
    static final int CANDIDATES = 12;
    /** Refinement stops when the gradient norm falls below this. */
    static final double GRADIENT_TOLERANCE = 1e-12;
    /** Refinement iteration cap. */
    static final int MAX_ITERATIONS = 20_000;

    private MinimumSearch() {}

    /**
     * Finds the global minimum of e in e.domain() using an n &times; n grid (edges included) and
     * local refinement; a refined point that leaves the domain is discarded.
     */
    static double[] locate(Energy2D e, int n) {
        Domain d = e.domain();
        double[][] v = new double[n][n];
        double hx = d.width() / (n - 1);
        double hy = d.height() / (n - 1);
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                v[j][i] = e.value(d.xMin() + i * hx, d.yMin() + j * hy);
            }
        }
        List<int[]> minima = new ArrayList<>();
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                if (isGridLocalMinimum(v, i, j)) {
                    minima.add(new int[] {i, j});
                }
            }
        }
        minima.sort(Comparator.comparingDouble(c -> v[c[1]][c[0]]));
        double[] best = null;
        double bestValue = Double.POSITIVE_INFINITY;
        for (int k = 0; k < Math.min(CANDIDATES, minima.size()); k++) {
            int[] c = minima.get(k);
            double x0 = d.xMin() + c[0] * hx;
            double y0 = d.yMin() + c[1] * hy;
            double[] p = refine(e, x0, y0);
            if (!d.contains(p[0], p[1])) {
                p = new double[] {x0, y0};
            }
            double f = e.value(p[0], p[1]);
            if (f < bestValue) {
                bestValue = f;
                best = p;
            }
        }
        return best;
    }

    private static boolean isGridLocalMinimum(double[][] v, int i, int j) {
        double c = v[j][i];
        for (int dj = -1; dj <= 1; dj++) {
            for (int di = -1; di <= 1; di++) {
                int jj = j + dj;
                int ii = i + di;
                if ((di != 0 || dj != 0) && jj >= 0 && jj < v.length && ii >= 0 && ii < v[jj].length
                        && v[jj][ii] < c) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Gradient descent with Armijo backtracking, then Newton polishing; never raises E beyond rounding. */
    static double[] refine(Energy2D e, double x, double y) {
        double f = e.value(x, y);
        double[] g = new double[2];
        double t = 1e-3;
        for (int it = 0; it < MAX_ITERATIONS; it++) {
            e.gradient(x, y, g);
            double g2 = g[0] * g[0] + g[1] * g[1];
            if (Math.sqrt(g2) < GRADIENT_TOLERANCE) {
                break;
            }
            t = Math.min(1.0, 2.0 * t);
            boolean accepted = false;
            while (t > 1e-20) {
                double nx = x - t * g[0];
                double ny = y - t * g[1];
                double nf = e.value(nx, ny);
                if (nf <= f - 0.5 * t * g2) {
                    x = nx;
                    y = ny;
                    f = nf;
                    accepted = true;
                    break;
                }
                t *= 0.5;
            }
            if (!accepted) {
                break;
            }
        }
        return polish(e, x, y);
    }

    /**
     * Newton steps with a Hessian from central differences of the analytic gradient. Descent stalls
     * once the Armijo decrease drops below the rounding of E (gradient ~1e-7); Newton works on the
     * gradient itself and drives it to rounding level. A step is kept only while it shrinks the
     * gradient and does not raise E beyond rounding.
     */
    private static double[] polish(Energy2D e, double x, double y) {
        double[] g = new double[2];
        double[] gp = new double[2];
        double[] gm = new double[2];
        e.gradient(x, y, g);
        double f = e.value(x, y);
        for (int it = 0; it < 20; it++) {
            double gn = Math.hypot(g[0], g[1]);
            if (gn < GRADIENT_TOLERANCE * 1e-3) {
                break;
            }
            double h = 1e-6 * Math.max(1.0, Math.max(Math.abs(x), Math.abs(y)));
            e.gradient(x + h, y, gp);
            e.gradient(x - h, y, gm);
            double hxx = (gp[0] - gm[0]) / (2 * h);
            double hyx = (gp[1] - gm[1]) / (2 * h);
            e.gradient(x, y + h, gp);
            e.gradient(x, y - h, gm);
            double hxy = (gp[0] - gm[0]) / (2 * h);
            double hyy = (gp[1] - gm[1]) / (2 * h);
            double off = 0.5 * (hxy + hyx);
            double det = hxx * hyy - off * off;
            if (!(hxx > 0.0 && det > 0.0)) {
                break;
            }
            double nx = x - (hyy * g[0] - off * g[1]) / det;
            double ny = y - (hxx * g[1] - off * g[0]) / det;
            double nf = e.value(nx, ny);
            double[] ng = e.gradient(nx, ny);
            if (!(Math.hypot(ng[0], ng[1]) < gn && nf <= f + 1e-12 * Math.max(1.0, Math.abs(f)))) {
                break;
            }
            x = nx;
            y = ny;
            f = nf;
            g = ng;
        }
        return new double[] {x, y};
    }
}
