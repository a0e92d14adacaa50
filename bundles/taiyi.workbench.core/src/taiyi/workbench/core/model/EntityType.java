package taiyi.workbench.core.model;

import java.util.Objects;

/**
 * An entity or relation type of a label schema with its display names, so that an English corpus
 * type ({@code Chemical}) and a Chinese one ({@code dru}) both read well in either UI language.
 *
 * @param name the type as annotations carry it
 * @param english display name in English
 * @param chinese display name in Chinese
 */
public record EntityType(String name, String english, String chinese) {

    public EntityType {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a type needs a name");
        }
        english = english == null || english.isBlank() ? name : english;
        chinese = chinese == null || chinese.isBlank() ? english : chinese;
    }

    /** The display name a reader of {@code language} sees. */
    public String displayName(Language language) {
        return language == Language.CHINESE ? chinese : english;
    }

    /** Whether a display name differs from the code, i.e. the schema was given names, not inferred. */
    public boolean hasDisplayNames() {
        return !english.equals(name) || !chinese.equals(name);
    }
}
