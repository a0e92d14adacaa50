package taiyi.workbench.inference.task;

import java.util.Objects;

/**
 * A user turn asking the model to do one task on one window.
 *
 * @param kind the task
 * @param wordingId the phrasing used (provenance: a rerun with the same id asks the same question)
 * @param text the instruction with the window's text in it
 */
public record Instruction(TaskKind kind, String wordingId, String text) {

    public Instruction {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(wordingId, "wordingId");
        Objects.requireNonNull(text, "text");
    }
}
