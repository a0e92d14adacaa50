package taiyi.workbench.learning.adapters;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import taiyi.workbench.store.CorpusStore;
import taiyi.workbench.store.RegisteredAdapter;

/**
 * Picks the adapter pre-annotation loads on a model for a corpus, the same way for the CLI and the
 * workbench: from the corpus's registered adapters only those trained on this model's weights (the
 * base-model hash) and whose weights are still those registered; the latest round of them unless a
 * round, a folder or no adapter is asked for. The model folder is hashed only when the corpus has
 * registered adapters to compare.
 */
public final class AdapterSelection {

    private final CorpusStore store;

    public AdapterSelection(CorpusStore store) {
        this.store = store;
    }

    /**
     * The adapter to load.
     *
     * @throws IOException when the model folder cannot be hashed
     * @throws IllegalArgumentException when a round is asked for and no usable adapter of that round is registered
     */
    public ChosenAdapter choose(String corpus, Path modelFolder, AdapterChoice choice) throws IOException {
        if (choice instanceof AdapterChoice.None) {
            return new ChosenAdapter(Optional.empty(), Optional.empty(), "no adapter (asked for the base model alone)");
        }
        if (choice instanceof AdapterChoice.Folder f) {
            return new ChosenAdapter(Optional.of(f.folder()), Optional.empty(), "adapter " + f.folder() + " (as given)");
        }
        List<RegisteredAdapter> registered = store.adapters().adapters(corpus);
        if (registered.isEmpty()) {
            if (choice instanceof AdapterChoice.Round r) {
                throw new IllegalArgumentException("corpus '" + corpus + "' has no registered adapter (of round " + r.round()
                        + " or any other): register one with 'taiyi adapter register' or 'taiyi adapter import'");
            }
            return new ChosenAdapter(Optional.empty(), Optional.empty(), "no adapter (none registered for corpus '" + corpus + "')");
        }
        String model = BaseModelHash.of(modelFolder);
        List<RegisteredAdapter> usable = new ArrayList<>();
        int otherModels = 0;
        int changed = 0;
        for (RegisteredAdapter a : registered) {
            if (!a.baseModelSha256().equals(model)) {
                otherModels++;
            } else if (!AdapterFolder.unchanged(Path.of(a.folder()), a.adapterSha256())) {
                changed++;
            } else {
                usable.add(a);
            }
        }
        String skipped = (otherModels == 0 ? "" : otherModels + " registered for other base models")
                + (otherModels > 0 && changed > 0 ? ", " : "")
                + (changed == 0 ? "" : changed + " whose folder is gone or was overwritten since");
        if (choice instanceof AdapterChoice.Round r) {
            Optional<RegisteredAdapter> of = usable.stream().filter(a -> a.round() == r.round()).max(latestRegistered());
            if (of.isEmpty()) {
                throw new IllegalArgumentException("corpus '" + corpus + "' has no usable adapter of round " + r.round() + " for model "
                        + modelFolder + (usable.isEmpty() ? "" : " (rounds " + usable.stream().map(a -> String.valueOf(a.round()))
                                .distinct().toList() + " are)") + (skipped.isEmpty() ? "" : "; " + skipped));
            }
            return chosen(of.get(), "round " + r.round() + " as asked");
        }
        Optional<RegisteredAdapter> latest = usable.stream().max(Comparator.comparingInt(RegisteredAdapter::round).thenComparing(latestRegistered()));
        if (latest.isEmpty()) {
            return new ChosenAdapter(Optional.empty(), Optional.empty(), "no adapter (corpus '" + corpus + "' has none for model "
                    + modelFolder.getFileName() + ": " + skipped + ")");
        }
        return chosen(latest.get(), "the latest round registered for this model");
    }

    private static ChosenAdapter chosen(RegisteredAdapter a, String why) {
        return new ChosenAdapter(Optional.of(Path.of(a.folder())), Optional.of(a), "adapter " + a.folder() + " of round " + a.round()
                + " (" + why + ")");
    }

    private static Comparator<RegisteredAdapter> latestRegistered() {
        return Comparator.comparing(RegisteredAdapter::registeredAt).thenComparingLong(RegisteredAdapter::id);
    }
}
