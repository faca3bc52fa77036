package org.ebmjava.ising;

import org.ebmjava.thermo.BoltzmannDistribution;
import org.ebmjava.thermo.EnumerableSystem;

/** Exact averages of a small Ising lattice by enumerating all 2^(L*L) states with the thermo package. */
final class ExactFourByFour {

    final double energyPerSpin;
    final double absMagnetisation;
    final double magnetisation;
    final double specificHeat;
    final double susceptibility;
    final double binder;

    private ExactFourByFour(double[] v) {
        energyPerSpin = v[0];
        absMagnetisation = v[1];
        magnetisation = v[2];
        specificHeat = v[3];
        susceptibility = v[4];
        binder = v[5];
    }

    /**
     * Enumerates an L x L torus (L * L &lt;= 24) in the field h at temperature t. The energy is the
     * direct double loop of {@link IsingModelTest#naiveEnergy}, independent of the library.
     */
    static ExactFourByFour of(int L, double h, double t) {
        int n = L * L;
        EnumerableSystem<int[]> system = EnumerableSystem.spins(n, s -> IsingModelTest.naiveEnergy(grid(s, L), h));
        BoltzmannDistribution d = system.at(t);
        double[] p = d.probabilities();
        double e = 0, e2 = 0, am = 0, m = 0, m2 = 0, m4 = 0;
        for (int i = 0; i < p.length; i++) {
            int[] s = system.state(i);
            int sum = 0;
            for (int v : s) {
                sum += v;
            }
            double mi = (double) sum / n;
            double ei = system.energy(i) / n;
            e += p[i] * ei;
            e2 += p[i] * ei * ei;
            am += p[i] * Math.abs(mi);
            m += p[i] * mi;
            m2 += p[i] * mi * mi;
            m4 += p[i] * mi * mi * mi * mi;
        }
        return new ExactFourByFour(new double[] {e, am, m, n * (e2 - e * e) / (t * t), n * (m2 - am * am) / t,
            1.0 - m4 / (3.0 * m2 * m2)});
    }

    private static int[][] grid(int[] s, int L) {
        int[][] g = new int[L][L];
        for (int k = 0; k < s.length; k++) {
            g[k / L][k % L] = s[k];
        }
        return g;
    }
}
