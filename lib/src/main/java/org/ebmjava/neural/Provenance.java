package org.ebmjava.neural;

import org.ebmjava.Ebm;

/**
 * Where a saved network came from: the training seed, the architecture, the trainer's hyperparameters, the data
 * and the library version. Stored in every {@link MlpIo} checkpoint and checked against the network on load.
 *
 * @param seed The seed of the training run.
 * @param architecture The network's {@link Mlp#architecture()}.
 * @param hyperparameters The trainer's settings as text (optimizer, learning rate, steps, penalty, ...).
 * @param dataSource The training data (e.g. "bundled MNIST train, 7,996 digits").
 * @param libraryVersion The version of this library ({@link Ebm#version()}).
 */
public record Provenance(long seed, String architecture, String hyperparameters, String dataSource,
        String libraryVersion) {
    /**
     * Checks the fields.
     *
     * @throws IllegalArgumentException If a string is null.
     */
    public Provenance {
        if (architecture == null || hyperparameters == null || dataSource == null || libraryVersion == null) {
            throw new IllegalArgumentException("provenance: expected non-null strings, found architecture="
                    + architecture + ", hyperparameters=" + hyperparameters + ", dataSource=" + dataSource
                    + ", libraryVersion=" + libraryVersion);
        }
    }

    /**
     * Creates the provenance of a network trained now with this library.
     *
     * @param seed The training seed.
     * @param net The network (its architecture is recorded).
     * @param hyperparameters The trainer's settings.
     * @param dataSource The training data.
     * @return The record, stamped with {@link Ebm#version()}.
     * @throws IllegalArgumentException If net or a string is null.
     */
    public static Provenance of(long seed, Mlp net, String hyperparameters, String dataSource) {
        if (net == null) {
            throw new IllegalArgumentException("net: expected an Mlp, found null");
        }
        return new Provenance(seed, net.architecture(), hyperparameters, dataSource, Ebm.version());
    }

    /**
     * Returns the record as labelled lines, for printing in a notebook.
     *
     * @return "seed: ...", "architecture: ...", "hyperparameters: ...", "data: ...", "library: ...".
     */
    public String describe() {
        return "seed: " + seed + "\narchitecture: " + architecture + "\nhyperparameters: " + hyperparameters
                + "\ndata: " + dataSource + "\nlibrary: " + libraryVersion;
    }
}
