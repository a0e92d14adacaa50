package taiyi.workbench.learning.adapters;

import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;

import taiyi.workbench.store.RegisteredAdapter;

/**
 * The adapter pre-annotation loads, and why.
 *
 * @param folder the adapter folder, or empty for the base model alone
 * @param registered the registry's row when it came from the registry
 * @param reason one line for the user: which adapter and why, or why none
 */
public record ChosenAdapter(Optional<Path> folder, Optional<RegisteredAdapter> registered, String reason) {

    /** The round the adapter was trained on, when the registry knows it: the suggestions' provenance round. */
    public OptionalInt round() {
        return registered.map(r -> OptionalInt.of(r.round())).orElse(OptionalInt.empty());
    }
}
