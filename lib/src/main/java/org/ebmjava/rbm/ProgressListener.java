package org.ebmjava.rbm;

/**
 * Receives training progress from {@link RbmTrainer}: once after every mini-batch and once more at the end of
 * every epoch (with {@link TrainingStats#endOfEpoch()} true and the epoch's monitoring statistics filled in).
 *
 * <p>Notebooks drive {@code org.ebmjava.nb.ProgressBar} and {@code LivePlot} from it, for example
 * <pre>
 *   trainer.train(rbm, data, (epoch, batch, s) -&gt; {
 *       if (s.endOfEpoch()) plot.add("reconstruction", epoch, s.reconstructionError()); else bar.step();
 *   });
 * </pre>
 * The call runs on the training thread between mini-batches, so keep it short.
 */
@FunctionalInterface
public interface ProgressListener {
    /**
     * Reports progress.
     *
     * @param epoch The current epoch, 1-based.
     * @param batch The number of mini-batches done in this epoch, 1..batchesPerEpoch.
     * @param stats The statistics: for mid-epoch calls the epoch-level fields hold the previous epoch's values
     *     (NaN during the first epoch).
     */
    void onProgress(int epoch, int batch, TrainingStats stats);

    /**
     * Returns a listener that ignores every call.
     *
     * @return A no-op listener.
     */
    static ProgressListener none() {
        return (epoch, batch, stats) -> { };
    }
}
