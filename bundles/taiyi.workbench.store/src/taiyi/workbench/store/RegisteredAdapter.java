package taiyi.workbench.store;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * One row of the adapter registry: a LoRA adapter trained on a round of a corpus's curated data.
 *
 * @param id the row's id (0 before it is stored)
 * @param corpus the corpus whose round it was trained on
 * @param round the round
 * @param folder the adapter folder's absolute path
 * @param adapterSha256 SHA-256 (hex) of the folder's {@code adapter_model.safetensors} when registered
 * @param baseModelSha256 SHA-256 (hex) of the base model's weight files, in name order
 * @param dataManifestSha256 SHA-256 (hex) of the round's {@code manifest.json}, or null when unknown
 * @param hyperparameters a JSON object, keys as the round recipe names them
 * @param finalLoss the last training loss, or null when the trainer did not say
 * @param steps the optimiser steps taken, or null when the trainer did not say
 * @param origin {@link #WORKBENCH} or {@link #IMPORTED}
 * @param registeredAt when it was registered
 * @param evaluationF1 exact-match mention micro-F1 against the curated layer, or null until evaluated
 * @param evaluatedAt when that F1 was recorded, or null
 */
public record RegisteredAdapter(long id, String corpus, int round, String folder, String adapterSha256, String baseModelSha256,
        String dataManifestSha256, String hyperparameters, Double finalLoss, Long steps, String origin, Instant registeredAt,
        Double evaluationF1, Instant evaluatedAt) {

    /** Trained in process by {@code taiyi train}. */
    public static final String WORKBENCH = "workbench";
    /** Trained elsewhere (the round's distributed trainer) and imported. */
    public static final String IMPORTED = "imported";

    public RegisteredAdapter {
        Objects.requireNonNull(corpus, "corpus");
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(adapterSha256, "adapterSha256");
        Objects.requireNonNull(baseModelSha256, "baseModelSha256");
        Objects.requireNonNull(hyperparameters, "hyperparameters");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(registeredAt, "registeredAt");
        if (round < 0) {
            throw new IllegalArgumentException("adapter " + folder + " with negative round " + round);
        }
        if (!origin.equals(WORKBENCH) && !origin.equals(IMPORTED)) {
            throw new IllegalArgumentException("adapter origin '" + origin + "' is neither " + WORKBENCH + " nor " + IMPORTED);
        }
    }

    public Optional<String> manifestSha256() {
        return Optional.ofNullable(dataManifestSha256);
    }

    public OptionalDouble loss() {
        return finalLoss == null ? OptionalDouble.empty() : OptionalDouble.of(finalLoss);
    }

    public OptionalLong trainingSteps() {
        return steps == null ? OptionalLong.empty() : OptionalLong.of(steps);
    }

    public OptionalDouble f1() {
        return evaluationF1 == null ? OptionalDouble.empty() : OptionalDouble.of(evaluationF1);
    }

    /** This row as stored, with its id. */
    RegisteredAdapter withId(long newId) {
        return new RegisteredAdapter(newId, corpus, round, folder, adapterSha256, baseModelSha256, dataManifestSha256,
                hyperparameters, finalLoss, steps, origin, registeredAt, evaluationF1, evaluatedAt);
    }
}
