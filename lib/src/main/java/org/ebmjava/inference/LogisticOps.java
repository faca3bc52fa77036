package org.ebmjava.inference;

/** The logistic function and softplus, evaluated without overflow. */
final class LogisticOps {

    private LogisticOps() {}

    /** softplus(z) = log(1 + e^z). */
    static double softplus(double z) {
        return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
    }

    /** sigma(z) = 1 / (1 + e^-z). */
    static double sigmoid(double z) {
        if (z >= 0) {
            return 1.0 / (1.0 + Math.exp(-z));
        }
        double e = Math.exp(z);
        return e / (1.0 + e);
    }
}
