package org.ebmjava.coop;

/**
 * The statistics of one EBGAN training iteration ({@link EbganTrainer}).
 *
 * @param iteration The iteration, from 1.
 * @param discriminatorLoss L<sub>D</sub> before the discriminator's step.
 * @param meanRealEnergy The mean D(x) of the data batch.
 * @param meanFakeEnergy The mean D(G(z)) of the generated batch (before the discriminator's step).
 * @param generatorLoss L<sub>G</sub> = mean D(G(z)) + &lambda; f<sub>PT</sub> before the generator's step.
 * @param pullAway f<sub>PT</sub> of the generated batch's codes (NaN when &lambda; = 0).
 * @param seconds Wall time since training started.
 */
public record EbganStats(int iteration, double discriminatorLoss, double meanRealEnergy, double meanFakeEnergy,
        double generatorLoss, double pullAway, double seconds) {}
