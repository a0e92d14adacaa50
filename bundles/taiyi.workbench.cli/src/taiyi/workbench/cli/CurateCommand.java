package taiyi.workbench.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import taiyi.workbench.core.curation.CorrectionEvent;
import taiyi.workbench.core.curation.CurationState;
import taiyi.workbench.curation.BulkDecision;
import taiyi.workbench.curation.DocumentCuration;
import taiyi.workbench.curation.SuggestionFilter;
import taiyi.workbench.store.CorpusStore;
import taiyi.workbench.store.DocumentSummary;

/**
 * {@code taiyi curate}: curators' decisions from the shell, for scripted review and teams without a
 * display. Every decision goes through {@link DocumentCuration}, the editor's own rules, and is a
 * correction event with the system user's name, the time and the UI location {@code cli}. A decision
 * the rules refuse is reported on stderr with its document, item and reason and counted in the
 * summary; the others go ahead. Bad input (an unknown corpus or document) exits 2 before anything is
 * written.
 */
@Command(name = "curate", mixinStandardHelpOptions = true, description = "Accept, reject, mark done, reopen, undo and redo curation decisions.",
        subcommands = {CurateCommand.Accept.class, CurateCommand.Reject.class, CurateCommand.Done.class,
                CurateCommand.Reopen.class, CurateCommand.Undo.class, CurateCommand.Redo.class})
final class CurateCommand implements Runnable {

    /** The UI location of every event the CLI records. */
    static final String UI_LOCATION = "cli";

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand: try 'taiyi curate --help'");
    }

    /** What every subcommand shares: the database, the corpus, the output and the check of the named documents. */
    abstract static class Subcommand implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        DatabaseOption db;

        @Option(names = "--corpus", required = true, paramLabel = "NAME", description = "Corpus of the documents.")
        String corpus;

        int refused;

        String name() {
            return "taiyi curate " + spec.name();
        }

        PrintWriter out() {
            return spec.commandLine().getOut();
        }

        /** Reports a refused decision on a suggestion: the document, the suggestion and the rules' reason. */
        void refuse(String documentId, String suggestionId, String reason) {
            refuse("document " + documentId + ", " + suggestionId + ": " + reason);
        }

        /** Reports a refused decision on a document, whose reason names the document. */
        void refuse(String reason) {
            refused++;
            spec.commandLine().getErr().println(name() + ": " + reason);
        }

        /**
         * The documents to work on: those named, in the order given, or every document of the corpus
         * when none is named; empty (after saying why on stderr) when the corpus or a named document
         * does not exist.
         */
        Optional<List<String>> documents(CorpusStore store, List<String> named) {
            PrintWriter err = spec.commandLine().getErr();
            if (store.statistics().corpora().stream().noneMatch(c -> c.name().equals(corpus))) {
                err.println(name() + ": no corpus '" + corpus + "' in " + db.location());
                return Optional.empty();
            }
            List<String> all = store.documents().summaries(corpus).stream().map(DocumentSummary::id).toList();
            if (named == null || named.isEmpty()) {
                return Optional.of(all);
            }
            java.util.Set<String> known = new java.util.HashSet<>(all);
            for (String id : named) {
                if (!known.contains(id)) {
                    err.println(name() + ": document " + id + " is not in corpus '" + corpus + "'");
                    return Optional.empty();
                }
            }
            return Optional.of(List.copyOf(new java.util.LinkedHashSet<>(named)));
        }
    }

    /** accept and reject: one bulk decision per document over the open suggestions the filter takes. */
    abstract static class SuggestionDecision extends Subcommand {

        @Option(names = "--source", paramLabel = "MODEL", description = "Only suggestions of this model id.")
        String source;

        @Option(names = "--round", paramLabel = "N", description = "Only suggestions made for this curation round.")
        Integer round;

        @Option(names = "--type", paramLabel = "T", description = "Only suggestions of this entity or relation type.")
        String type;

        @Option(names = "--min-score", paramLabel = "S", description = "Only suggestions scored at least S.")
        Double minScore;

        @Parameters(paramLabel = "DOC", arity = "0..*", description = "Documents (default: every document of the corpus).")
        List<String> documentIds = new ArrayList<>();

        abstract BulkDecision decide(DocumentCuration curation, SuggestionFilter filter);

        /** The past tense of the decision, for the summary. */
        abstract String done();

        @Override
        public Integer call() {
            SuggestionFilter filter;
            try {
                filter = new SuggestionFilter(source, round, type, minScore);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
            int decided = 0;
            int touched = 0;
            try (CorpusStore store = db.open()) {
                Optional<List<String>> ids = documents(store, documentIds);
                if (ids.isEmpty()) {
                    return 2;
                }
                for (String id : ids.get()) {
                    BulkDecision result = decide(DocumentCuration.open(store, corpus, id), filter);
                    result.refused().forEach(r -> refuse(id, r.suggestionId(), r.reason()));
                    if (!result.recorded().isEmpty()) {
                        touched++;
                        decided += result.recorded().size();
                        out().printf("%s: %d %s%n", id, result.recorded().size(), done());
                    }
                }
                out().printf("%s: corpus '%s', %d suggestions %s in %d of %d documents, %d refused%n", name(), corpus, decided,
                        done(), touched, ids.get().size(), refused);
            }
            return 0;
        }
    }

    @Command(name = "accept", mixinStandardHelpOptions = true,
            description = "Accept the open suggestions that match (a relation brings its open argument suggestions along).")
    static final class Accept extends SuggestionDecision {
        @Override
        BulkDecision decide(DocumentCuration curation, SuggestionFilter filter) {
            return curation.acceptAll(filter, UI_LOCATION);
        }

        @Override
        String done() {
            return "accepted";
        }
    }

    @Command(name = "reject", mixinStandardHelpOptions = true, description = "Reject the open suggestions that match.")
    static final class Reject extends SuggestionDecision {
        @Override
        BulkDecision decide(DocumentCuration curation, SuggestionFilter filter) {
            return curation.rejectAll(filter, UI_LOCATION);
        }

        @Override
        String done() {
            return "rejected";
        }
    }

    /** done and reopen: one document-level decision per document, on the documents named or all of them. */
    abstract static class DocumentDecision extends Subcommand {

        @Option(names = "--all", description = "Every document of the corpus.")
        boolean all;

        @Parameters(paramLabel = "DOC", arity = "0..*", description = "Documents.")
        List<String> documentIds = new ArrayList<>();

        abstract CorrectionEvent decide(DocumentCuration curation);

        /** Whether the decision fits a document in this state (for {@code --all}). */
        abstract boolean fits(CurationState state);

        abstract String done();

        @Override
        public Integer call() {
            if (all == !documentIds.isEmpty()) {
                throw new CommandLine.ParameterException(spec.commandLine(), "give --all or document ids, not both");
            }
            int decided = 0;
            try (CorpusStore store = db.open()) {
                Optional<List<String>> ids = documents(store, documentIds);
                if (ids.isEmpty()) {
                    return 2;
                }
                if (all) {
                    // --all means the documents the decision fits; only a document named on purpose is refused
                    ids = Optional.of(store.documents().summaries(corpus).stream().filter(d -> fits(d.state())).map(DocumentSummary::id)
                            .toList());
                }
                for (String id : ids.get()) {
                    try {
                        decide(DocumentCuration.open(store, corpus, id));
                        decided++;
                    } catch (IllegalArgumentException refusal) {
                        refuse(refusal.getMessage());
                    }
                }
                out().printf("%s: corpus '%s', %d documents %s, %d refused%n", name(), corpus, decided, done(), refused);
            }
            return 0;
        }
    }

    @Command(name = "done", mixinStandardHelpOptions = true,
            description = "Mark documents done (finished); --all: every document not done yet.")
    static final class Done extends DocumentDecision {
        @Override
        CorrectionEvent decide(DocumentCuration curation) {
            return curation.markDone(UI_LOCATION);
        }

        @Override
        boolean fits(CurationState state) {
            return state != CurationState.DONE;
        }

        @Override
        String done() {
            return "marked done";
        }
    }

    @Command(name = "reopen", mixinStandardHelpOptions = true,
            description = "Take done documents out of the done state (an undo of their MARK_DONE); --all: every done document.")
    static final class Reopen extends DocumentDecision {
        @Override
        CorrectionEvent decide(DocumentCuration curation) {
            return curation.reopen(UI_LOCATION);
        }

        @Override
        boolean fits(CurationState state) {
            return state == CurationState.DONE;
        }

        @Override
        String done() {
            return "reopened";
        }
    }

    /** undo and redo: one step of one document's log, as the editor's Ctrl+Z and Ctrl+Shift+Z. */
    abstract static class LogStep extends Subcommand {

        @Parameters(paramLabel = "DOC", arity = "1", description = "The document.")
        String documentId;

        abstract Optional<CorrectionEvent> step(DocumentCuration curation);

        abstract String done();

        @Override
        public Integer call() {
            try (CorpusStore store = db.open()) {
                if (documents(store, List.of(documentId)).isEmpty()) {
                    return 2;
                }
                List<CorrectionEvent> log = store.log().events(corpus, documentId);
                Optional<CorrectionEvent> walked = step(DocumentCuration.open(store, corpus, documentId));
                if (walked.isEmpty()) {
                    refuse("document " + documentId + " has nothing to " + spec.name());
                    out().printf("%s: document %s, 0 decisions %s, 1 refused%n", name(), documentId, done());
                    return 0;
                }
                CorrectionEvent target = log.stream().filter(e -> e.id() == walked.get().refersTo()).findFirst().orElseThrow();
                out().printf("%s: document %s, 1 decision %s (%s%s, event %d), 0 refused%n", name(), documentId, done(),
                        target.action(), target.suggestionId() == null ? "" : " of " + target.suggestionId(), target.id());
            }
            return 0;
        }
    }

    @Command(name = "undo", mixinStandardHelpOptions = true, description = "Take back the latest effective decision on a document.")
    static final class Undo extends LogStep {
        @Override
        Optional<CorrectionEvent> step(DocumentCuration curation) {
            return curation.undo(UI_LOCATION);
        }

        @Override
        String done() {
            return "undone";
        }
    }

    @Command(name = "redo", mixinStandardHelpOptions = true, description = "Make the latest undone decision on a document again.")
    static final class Redo extends LogStep {
        @Override
        Optional<CorrectionEvent> step(DocumentCuration curation) {
            return curation.redo(UI_LOCATION);
        }

        @Override
        String done() {
            return "redone";
        }
    }
}
