package org.ebmjava.exercises.ex05;

/**
 * A gradient (or update direction) for the parameters of a Bernoulli RBM.
 *
 * @param weights d/dW, nv x nh.
 * @param visibleBias d/db, nv.
 * @param hiddenBias d/dc, nh.
 */
public record RbmGradient(double[][] weights, double[] visibleBias, double[] hiddenBias) {}
