package taiyi.workbench.learning.learner.rounds;

import java.io.IOException;
import java.io.InputStream;
import java.io.InvalidClassException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import taiyi.workbench.core.runtime.PrivateFolder;
import taiyi.workbench.core.runtime.PrivateOutput;
import taiyi.workbench.learning.learner.MentionModel;

/**
 * Where trained models are kept: {@code ROOT/CORPUS/LEARNER/round-N.model}, one file per round, in
 * folders only their owner may enter and files only their owner may read (a model trained on clinical
 * text holds its strings: the dictionary verbatim, the tagger's features). A model is written to a
 * temporary file and moved into place, so a reader never sees half a model and a failed save leaves
 * the earlier rounds as they were.
 *
 * <p>Models are Java-serialised; reading one back accepts only this workbench's classes
 * with the JDK's, so a file planted in the folder cannot make the workbench build arbitrary objects.
 */
public final class ModelShelf {

    private static final Pattern ROUND_FILE = Pattern.compile("round-(\\d+)\\.model");

    private final Path root;

    public ModelShelf(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** The shelf of a corpus database: a {@code learners} folder inside its folder. */
    public static ModelShelf beside(Path databaseFolder) {
        return new ModelShelf(databaseFolder.resolve("learners"));
    }

    public Path root() {
        return root;
    }

    /** The folder of one learner's models for one corpus. */
    public Path folder(String corpus, String learnerId) {
        return root.resolve(safe(corpus)).resolve(safe(learnerId));
    }

    /** The rounds saved for a learner and corpus, ascending. */
    public List<Integer> rounds(String corpus, String learnerId) {
        Path folder = folder(corpus, learnerId);
        List<Integer> out = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return out;
        }
        try (Stream<Path> files = Files.list(folder)) {
            files.forEach(f -> {
                Matcher m = ROUND_FILE.matcher(f.getFileName().toString());
                if (m.matches()) {
                    out.add(Integer.parseInt(m.group(1)));
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the models in " + folder, e);
        }
        out.sort(null);
        return out;
    }

    /** The round the next training of this learner on this corpus will be: one past the last saved. */
    public int nextRound(String corpus, String learnerId) {
        List<Integer> rounds = rounds(corpus, learnerId);
        return rounds.isEmpty() ? 1 : rounds.get(rounds.size() - 1) + 1;
    }

    /**
     * Saves a model as the given round of its learner.
     *
     * @throws IllegalArgumentException when that round is already saved (rounds are never overwritten)
     * @throws UncheckedIOException when it cannot be written; nothing is left behind then
     */
    public SavedModel save(String corpus, MentionModel model, int round) {
        if (!(model instanceof Serializable)) {
            throw new IllegalArgumentException("a " + model.getClass().getSimpleName() + " cannot be saved (not serialisable)");
        }
        Path folder = folder(corpus, model.learnerId());
        Path file = folder.resolve("round-" + round + ".model");
        try {
            PrivateFolder.ensure(root);
            PrivateFolder.ensure(folder.getParent());
            PrivateFolder.ensure(folder);
            if (Files.exists(file)) {
                throw new IllegalArgumentException(file + ": round " + round + " of " + model.learnerId() + " is already saved");
            }
            PrivateOutput.writeFile(file, out -> {
                ObjectOutputStream objects = new ObjectOutputStream(new java.io.BufferedOutputStream(out));
                objects.writeObject(model);
                objects.flush();
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save round " + round + " of " + model.learnerId() + " in " + folder + ": "
                    + e.getMessage(), e);
        }
        return new SavedModel(round, model, file);
    }

    /** The latest saved round of a learner, if any. */
    public Optional<SavedModel> latest(String corpus, String learnerId) {
        List<Integer> rounds = rounds(corpus, learnerId);
        return rounds.isEmpty() ? Optional.empty() : Optional.of(load(corpus, learnerId, rounds.get(rounds.size() - 1)));
    }

    /**
     * Reads one saved round back.
     *
     * @throws IllegalArgumentException naming the file when it is missing, unreadable or no model of this learner
     */
    public SavedModel load(String corpus, String learnerId, int round) {
        Path file = folder(corpus, learnerId).resolve("round-" + round + ".model");
        try (InputStream in = Files.newInputStream(file);
                ObjectInputStream objects = new TrustedClasses(new java.io.BufferedInputStream(in))) {
            Object o = objects.readObject();
            if (!(o instanceof MentionModel m) || !m.learnerId().equals(learnerId)) {
                throw new IllegalArgumentException(file + ": not a model of the " + learnerId + " learner");
            }
            return new SavedModel(round, m, file);
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalArgumentException(file + ": cannot read the saved model (" + e.getMessage() + ")", e);
        }
    }

    private static String safe(String name) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8).replace("*", "%2A").replace(".", "%2E");
    }

    /** Deserialises only the classes a saved model is made of. */
    private static final class TrustedClasses extends ObjectInputStream {

        TrustedClasses(InputStream in) throws IOException {
            super(in);
        }

        @Override
        protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
            String name = desc.getName().replaceFirst("^\\[+", "");
            boolean primitiveArray = desc.getName().startsWith("[") && name.length() == 1;
            name = name.startsWith("L") && name.endsWith(";") ? name.substring(1, name.length() - 1) : name;
            boolean trusted = primitiveArray || name.startsWith("taiyi.workbench.") || name.startsWith("java.");
            if (!trusted) {
                throw new InvalidClassException(desc.getName(), "not a class a saved learner model is made of");
            }
            // the learning bundle's loader sees its own classes, which the caller's may not
            return Class.forName(desc.getName(), false, ModelShelf.class.getClassLoader());
        }
    }
}
