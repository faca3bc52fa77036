package org.ebmjava.sampling;

import java.util.Locale;
import java.util.Objects;
import org.ebmjava.landscape.Domain;
import org.ebmjava.thermo.ThermoOps;

/**
 * The density p = exp(-E)/Z of a two-dimensional energy, normalised by quadrature on a grid of cells: the exact
 * check a 2D toy allows and an image model does not (log Z, and the KL divergence between a learned and the true
 * density).
 *
 * <p>The box [xMin, xMax] &times; [yMin, yMax] is cut into nx &times; ny cells of area A = &Delta;x &Delta;y, and E
 * is evaluated at the cell centres x<sub>i</sub> = xMin + (i + 1/2) &Delta;x, y<sub>j</sub> = yMin + (j + 1/2)
 * &Delta;y (the grid of {@code org.ebmjava.viz.Heatmap}). Performs the midpoint rule:
 * <pre>
 *   log Z = log &sum;_ij exp(-E(x_i, y_j)) A      (by log-sum-exp)
 *   log p_ij = -E(x_i, y_j) - log Z
 *   KL(p || q) = &sum;_ij p_ij (log p_ij - log q_ij) A
 * </pre>
 * The density is normalised over the box, so the box must hold essentially all the mass (mass outside is ignored),
 * and the cells must be small against the density's length scale (the midpoint rule's error is O(&Delta;<sup>2</sup>)
 * of the curvature). Everything is in log space, so no density underflows to 0 and KL stays finite. Arrays are
 * indexed [j][i]: rows are y, row 0 at the bottom (yMin), as {@code Energy2D.valuesOnGrid}.
 */
public final class GridDensity {

    private final Domain box;
    private final int nx;
    private final int ny;
    private final double[] logDensity;
    private final double logPartition;

    private GridDensity(Domain box, int nx, int ny, double[] negEnergy) {
        this.box = box;
        this.nx = nx;
        this.ny = ny;
        double logArea = Math.log(cellArea(box, nx, ny));
        double lse = ThermoOps.logSumExp(negEnergy);
        if (lse == Double.NEGATIVE_INFINITY) {
            throw new IllegalArgumentException("energy: expected a finite value in at least one cell, found +Infinity "
                    + "everywhere");
        }
        this.logPartition = lse + logArea;
        this.logDensity = new double[negEnergy.length];
        for (int k = 0; k < negEnergy.length; k++) {
            logDensity[k] = negEnergy[k] - logPartition;
        }
    }

    /**
     * Evaluates a two-dimensional energy at the cell centres of a grid and normalises exp(-E) over the box.
     *
     * @param energy The energy, dimension 2 (e.g. a neural energy or a {@link GaussianMixture}). Not modified
     *     (evaluated once, on all nx&middot;ny centres as one batch).
     * @param box The box.
     * @param nx The number of cells along x, at least 2.
     * @param ny The number of cells along y, at least 2.
     * @return The gridded density.
     * @throws IllegalArgumentException If an argument is null or out of range, the energy is not two-dimensional, or
     *     it returns NaN or -Infinity at a centre (the message names the cell).
     */
    public static GridDensity of(BatchEnergy energy, Domain box, int nx, int ny) {
        if (energy == null || box == null) {
            throw new IllegalArgumentException("energy and box: expected both, found " + energy + ", " + box);
        }
        if (energy.dimension() != 2) {
            throw new IllegalArgumentException("energy: expected dimension 2, found " + energy.dimension());
        }
        checkSize(nx, ny);
        int cells = Math.multiplyExact(nx, ny);
        float[] centres = new float[2 * cells];
        double dx = box.width() / nx;
        double dy = box.height() / ny;
        for (int j = 0; j < ny; j++) {
            for (int i = 0; i < nx; i++) {
                centres[2 * (j * nx + i)] = (float) (box.xMin() + (i + 0.5) * dx);
                centres[2 * (j * nx + i) + 1] = (float) (box.yMin() + (j + 0.5) * dy);
            }
        }
        float[] e = new float[cells];
        energy.evaluate(centres, cells, e, null);
        double[] neg = new double[cells];
        for (int k = 0; k < cells; k++) {
            neg[k] = -checkEnergy(e[k], k % nx, k / nx);
        }
        return new GridDensity(box, nx, ny, neg);
    }

    /**
     * Normalises exp(-E) from energies already tabulated at the cell centres.
     *
     * @param energies E at the centres, [ny][nx] with ny, nx &ge; 2: row j is y<sub>j</sub> (row 0 at yMin),
     *     column i is x<sub>i</sub>. Not modified.
     * @param box The box.
     * @return The gridded density.
     * @throws IllegalArgumentException If the table is ragged, too small, or holds NaN or -Infinity.
     */
    public static GridDensity fromEnergies(double[][] energies, Domain box) {
        if (energies == null || box == null || energies.length == 0 || energies[0] == null) {
            throw new IllegalArgumentException("energies and box: expected a [ny][nx] table and a box");
        }
        int ny = energies.length;
        int nx = energies[0].length;
        checkSize(nx, ny);
        double[] neg = new double[nx * ny];
        for (int j = 0; j < ny; j++) {
            if (energies[j] == null || energies[j].length != nx) {
                throw new IllegalArgumentException("energies[" + j + "]: expected " + nx + " values (as row 0), found "
                        + (energies[j] == null ? "null" : String.valueOf(energies[j].length)));
            }
            for (int i = 0; i < nx; i++) {
                neg[j * nx + i] = -checkEnergy(energies[j][i], i, j);
            }
        }
        return new GridDensity(box, nx, ny, neg);
    }

    /**
     * Returns log Z = log &int; exp(-E) over the box, by the midpoint rule.
     *
     * @return log Z (0 for an energy that is already a normalised -log density, up to quadrature error).
     */
    public double logPartition() {
        return logPartition;
    }

    /**
     * Returns the normalised log-density at the cell centres.
     *
     * @return A new [ny][nx] array of log p<sub>ij</sub>.
     */
    public double[][] logDensity() {
        double[][] out = new double[ny][nx];
        for (int j = 0; j < ny; j++) {
            System.arraycopy(logDensity, j * nx, out[j], 0, nx);
        }
        return out;
    }

    /**
     * Returns the normalised density at the cell centres.
     *
     * @return A new [ny][nx] array of p<sub>ij</sub>; &sum; p<sub>ij</sub> A = 1.
     */
    public double[][] density() {
        double[][] out = new double[ny][nx];
        for (int j = 0; j < ny; j++) {
            for (int i = 0; i < nx; i++) {
                out[j][i] = Math.exp(logDensity[j * nx + i]);
            }
        }
        return out;
    }

    /**
     * Computes the Kullback-Leibler divergence KL(this || q) = &sum;<sub>ij</sub> p<sub>ij</sub> (log p<sub>ij</sub>
     * - log q<sub>ij</sub>) A in nats.
     *
     * <p>With this the true density and q a learned one, it is the forward KL that maximum likelihood minimises.
     *
     * @param q The other density, on the same box and grid.
     * @return KL &ge; 0 (up to rounding); +Infinity if q is 0 (E = +Infinity) in a cell where this density is not.
     * @throws IllegalArgumentException If q is null or on another grid.
     */
    public double klDivergenceTo(GridDensity q) {
        if (q == null || q.nx != nx || q.ny != ny || !q.box.equals(box)) {
            throw new IllegalArgumentException("q: expected a density on the same grid (" + describeGrid() + "), found "
                    + (q == null ? "null" : q.describeGrid()));
        }
        double sum = 0.0;
        for (int k = 0; k < logDensity.length; k++) {
            if (logDensity[k] == Double.NEGATIVE_INFINITY) {
                continue;
            }
            if (q.logDensity[k] == Double.NEGATIVE_INFINITY) {
                return Double.POSITIVE_INFINITY;
            }
            sum += Math.exp(logDensity[k]) * (logDensity[k] - q.logDensity[k]);
        }
        return sum * cellArea();
    }

    /**
     * Returns the x coordinate of a column of cell centres.
     *
     * @param i The column, 0 to nx-1.
     * @return xMin + (i + 1/2) &Delta;x.
     */
    public double x(int i) {
        return box.xMin() + (Objects.checkIndex(i, nx) + 0.5) * box.width() / nx;
    }

    /**
     * Returns the y coordinate of a row of cell centres.
     *
     * @param j The row, 0 to ny-1.
     * @return yMin + (j + 1/2) &Delta;y.
     */
    public double y(int j) {
        return box.yMin() + (Objects.checkIndex(j, ny) + 0.5) * box.height() / ny;
    }

    /**
     * Returns the area of one cell.
     *
     * @return &Delta;x &Delta;y.
     */
    public double cellArea() {
        return cellArea(box, nx, ny);
    }

    /**
     * Returns the box.
     *
     * @return The box.
     */
    public Domain box() {
        return box;
    }

    /**
     * Returns the number of columns.
     *
     * @return nx.
     */
    public int nx() {
        return nx;
    }

    /**
     * Returns the number of rows.
     *
     * @return ny.
     */
    public int ny() {
        return ny;
    }

    /**
     * Describes the grid and log Z.
     *
     * @return E.g. "GridDensity[200 x 200 cells on [-4, 4] x [-4, 4], log Z = 1.8379]".
     */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "GridDensity[%s, log Z = %.6g]", describeGrid(), logPartition);
    }

    private String describeGrid() {
        return nx + " x " + ny + " cells on [" + BatchOps.num(box.xMin()) + ", " + BatchOps.num(box.xMax()) + "] x ["
                + BatchOps.num(box.yMin()) + ", " + BatchOps.num(box.yMax()) + "]";
    }

    private static double cellArea(Domain box, int nx, int ny) {
        return box.width() / nx * (box.height() / ny);
    }

    private static void checkSize(int nx, int ny) {
        BatchOps.requireAtLeast(nx, 2, "nx");
        BatchOps.requireAtLeast(ny, 2, "ny");
    }

    private static double checkEnergy(double e, int i, int j) {
        if (Double.isNaN(e) || e == Double.NEGATIVE_INFINITY) {
            throw new IllegalArgumentException("energy at cell (i=" + i + ", j=" + j + "): expected a number below "
                    + "+Infinity, found " + e);
        }
        return e;
    }
}
