package taiyi.workbench.inference.task;

import java.util.Locale;

/** The annotation tasks the model is asked to do. */
public enum TaskKind {
    /** named entity recognition: typed mentions */
    NER,
    /** relation extraction: typed pairs of mentions */
    RE,
    /** text classification: document labels */
    TC;

    /** Reads {@code ner}, {@code re} or {@code tc} (any case), as the CLI's {@code --task} gives it. */
    public static TaskKind parse(String name) {
        for (TaskKind kind : values()) {
            if (kind.name().equalsIgnoreCase(name == null ? "" : name.strip())) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown task '" + name + "' (expected ner, re or tc)");
    }

    /** The lower-case name, as ids and the CLI write it. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
