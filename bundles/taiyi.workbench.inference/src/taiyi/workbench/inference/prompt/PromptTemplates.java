package taiyi.workbench.inference.prompt;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import taiyi.workbench.inference.PromptTemplate;

/** The prompt templates the workbench knows, by id (as a model folder or a preference names them). */
public final class PromptTemplates {

    private static final Map<String, Supplier<PromptTemplate>> KNOWN = new LinkedHashMap<>();

    static {
        KNOWN.put(Taiyi1Template.ID, Taiyi1Template::new);
        KNOWN.put(ChatMlTemplate.ID, ChatMlTemplate::new);
    }

    private PromptTemplates() {
    }

    /**
     * The template with this id.
     *
     * @throws IllegalArgumentException naming the id and the known ones
     */
    public static PromptTemplate byId(String id) {
        Supplier<PromptTemplate> template = id == null ? null : KNOWN.get(id.strip());
        if (template == null) {
            throw new IllegalArgumentException("unknown prompt template '" + id + "' (known: " + String.join(", ", KNOWN.keySet())
                    + ")");
        }
        return template.get();
    }

    /** The known ids, in a stable order. */
    public static java.util.List<String> ids() {
        return java.util.List.copyOf(KNOWN.keySet());
    }
}
