package taiyi.workbench.learning.adapters;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Which adapter pre-annotation loads on the model: by default the latest registered round's whose
 * base model is the one loaded; or a registered round; or a folder named outright; or none.
 */
public sealed interface AdapterChoice {

    /** The latest registered round's adapter for the model, or none when the registry has none for it. */
    record Latest() implements AdapterChoice {
    }

    /** The adapter registered for this round and model; an error when there is none. */
    record Round(int round) implements AdapterChoice {
    }

    /** This folder, registered or not. */
    record Folder(Path folder) implements AdapterChoice {
        public Folder {
            Objects.requireNonNull(folder, "folder");
        }
    }

    /** The base model alone. */
    record None() implements AdapterChoice {
    }

    static AdapterChoice latest() {
        return new Latest();
    }

    /**
     * The choice the CLI's options make ({@code --adapter DIR}, {@code --adapter-round N},
     * {@code --no-adapter}); at most one may be given.
     *
     * @throws IllegalArgumentException when more than one is given
     */
    static AdapterChoice of(Optional<Path> folder, OptionalInt round, boolean none) {
        int given = (folder.isPresent() ? 1 : 0) + (round.isPresent() ? 1 : 0) + (none ? 1 : 0);
        if (given > 1) {
            throw new IllegalArgumentException("give at most one of --adapter, --adapter-round and --no-adapter");
        }
        if (folder.isPresent()) {
            return new Folder(folder.get());
        }
        if (round.isPresent()) {
            return new Round(round.getAsInt());
        }
        return none ? new None() : new Latest();
    }
}
