/**
 * Simple supervised read-outs used to evaluate learned features (e.g. RBM hidden units against raw pixels).
 *
 * <ul>
 *   <li>{@link org.ebmjava.classify.SoftmaxRegression}: multinomial logistic regression trained by full-batch
 *       gradient descent on ND4J.</li>
 * </ul>
 */
package org.ebmjava.classify;
