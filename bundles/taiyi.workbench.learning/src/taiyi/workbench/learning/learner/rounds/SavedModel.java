package taiyi.workbench.learning.learner.rounds;

import java.nio.file.Path;
import java.util.Objects;

import taiyi.workbench.learning.learner.MentionModel;

/**
 * A trained model as kept on the shelf.
 *
 * @param round the learner's training round in the corpus, from 1
 * @param model the model
 * @param file where it is saved
 */
public record SavedModel(int round, MentionModel model, Path file) {

    public SavedModel {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(file, "file");
        if (round < 1) {
            throw new IllegalArgumentException("model round " + round + " is not positive");
        }
    }
}
