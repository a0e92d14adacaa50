package taiyi.workbench.inference.task;

import java.util.List;
import java.util.stream.Collectors;

import taiyi.workbench.core.model.EntityType;
import taiyi.workbench.core.model.Language;
import taiyi.workbench.core.model.LabelSchema;

/**
 * Words one task's instruction for a window of a document, in the document's language, naming the
 * schema's types by their display names in that language. The wording is picked from the task's
 * list by a hash of the document id: stable across runs and machines ({@link String#hashCode()} is
 * specified), and spread over the wordings across a corpus as Taiyi's training data was.
 */
public abstract class InstructionBuilder {

    private final TaskKind kind;
    private final List<Wording> english;
    private final List<Wording> chinese;

    protected InstructionBuilder(TaskKind kind, List<Wording> english, List<Wording> chinese) {
        this.kind = kind;
        this.english = List.copyOf(english);
        this.chinese = List.copyOf(chinese);
    }

    /** The builder for a task. */
    public static InstructionBuilder forTask(TaskKind kind) {
        return switch (kind) {
            case NER -> new NerInstructions();
            case RE -> new RelationInstructions();
            case TC -> new ClassificationInstructions();
        };
    }

    public TaskKind kind() {
        return kind;
    }

    /** The wordings for a language, in id order. */
    public List<Wording> wordings(Language language) {
        return language == Language.CHINESE ? chinese : english;
    }

    /**
     * The instruction for a window of a document.
     *
     * @throws IllegalArgumentException when the schema has nothing of what the task asks for
     */
    public Instruction build(String documentId, Language language, String windowText, LabelSchema schema) {
        List<EntityType> types = types(schema);
        if (types.isEmpty()) {
            throw new IllegalArgumentException("the label schema has no " + what() + ", so there is nothing to ask for "
                    + kind + " in document " + documentId);
        }
        List<Wording> list = wordings(language);
        Wording wording = list.get(Math.floorMod(documentId.hashCode(), list.size()));
        String names = types.stream().map(t -> language == Language.CHINESE ? t.chinese() : t.english())
                .collect(Collectors.joining(language == Language.CHINESE ? "，" : ", "));
        return new Instruction(kind, wording.id(), wording.fill(windowText.strip(), names));
    }

    /** The schema's types or labels the task asks for. */
    protected abstract List<EntityType> types(LabelSchema schema);

    /** What {@link #types(LabelSchema)} are called, for the error message. */
    protected abstract String what();

    static List<Wording> numbered(String prefix, String... patterns) {
        java.util.ArrayList<Wording> out = new java.util.ArrayList<>();
        for (int i = 0; i < patterns.length; i++) {
            out.add(new Wording(prefix + "-" + (i + 1), patterns[i]));
        }
        return out;
    }
}
