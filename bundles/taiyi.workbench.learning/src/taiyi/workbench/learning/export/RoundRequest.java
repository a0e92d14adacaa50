package taiyi.workbench.learning.export;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import taiyi.workbench.core.model.Language;
import taiyi.workbench.inference.task.TaskKind;
import taiyi.workbench.learning.DocumentSelection;

/**
 * What a round is made of.
 *
 * @param corpora the source corpora, at least one
 * @param round the round's number
 * @param documents which documents count as curated: done (the default) or all
 * @param tasks the tasks to render
 * @param languages the document languages to take
 * @param replay earlier conversation JSON Lines to mix in, if any
 * @param replayRatio replayed conversations per new conversation (0.5: one replayed for every two new)
 * @param excludedCorpora held-out corpora: their documents and near-duplicates of them stay out
 * @param validationFraction the share of documents whose conversations go to validation
 * @param seed decides wordings, the split, the replay sample and the order
 * @param maxTokens the longest conversation, in Qwen tokens (the paper's 1024)
 * @param nerPerType besides NER's all-types question, one question per entity type (the default);
 *        without, a round asks each window's mentions once, which keeps a small round small
 */
public record RoundRequest(List<String> corpora, int round, DocumentSelection documents, Set<TaskKind> tasks,
        Set<Language> languages, Optional<Path> replay, double replayRatio, List<String> excludedCorpora,
        double validationFraction, long seed, int maxTokens, boolean nerPerType) {

    public static final int MAX_TOKENS = 1024;
    public static final double VALIDATION_FRACTION = 0.05;
    public static final long SEED = 42;

    public RoundRequest {
        corpora = List.copyOf(corpora);
        Objects.requireNonNull(documents, "documents");
        tasks = Set.copyOf(tasks);
        languages = Set.copyOf(languages);
        Objects.requireNonNull(replay, "replay");
        excludedCorpora = List.copyOf(excludedCorpora);
        if (corpora.isEmpty()) {
            throw new IllegalArgumentException("a round needs at least one corpus");
        }
        if (tasks.isEmpty()) {
            throw new IllegalArgumentException("a round needs at least one task (ner, re, tc)");
        }
        if (languages.isEmpty()) {
            throw new IllegalArgumentException("a round needs at least one language (en, zh)");
        }
        if (round < 0) {
            throw new IllegalArgumentException("round " + round + " is negative");
        }
        if (!(replayRatio >= 0) || Double.isInfinite(replayRatio)) {
            throw new IllegalArgumentException("the replay ratio must be 0 or more, not " + replayRatio);
        }
        if (!(validationFraction >= 0 && validationFraction < 1)) {
            throw new IllegalArgumentException("the validation fraction must be in [0, 1), not " + validationFraction);
        }
        if (maxTokens < 16) {
            throw new IllegalArgumentException("a maximum length of " + maxTokens + " tokens leaves no room for a task");
        }
    }

    /** The defaults: done documents, every task and language, no replay, no exclusion, 5 % validation, seed 42. */
    public static RoundRequest of(List<String> corpora, int round) {
        return new RoundRequest(corpora, round, DocumentSelection.DONE, EnumSet.allOf(TaskKind.class),
                EnumSet.allOf(Language.class), Optional.empty(), 0, List.of(), VALIDATION_FRACTION, SEED, MAX_TOKENS, true);
    }

    public RoundRequest withDocuments(DocumentSelection selection) {
        return new RoundRequest(corpora, round, selection, tasks, languages, replay, replayRatio, excludedCorpora,
                validationFraction, seed, maxTokens, nerPerType);
    }

    public RoundRequest withTasks(Set<TaskKind> newTasks) {
        return new RoundRequest(corpora, round, documents, newTasks, languages, replay, replayRatio, excludedCorpora,
                validationFraction, seed, maxTokens, nerPerType);
    }

    public RoundRequest withLanguages(Set<Language> newLanguages) {
        return new RoundRequest(corpora, round, documents, tasks, newLanguages, replay, replayRatio, excludedCorpora,
                validationFraction, seed, maxTokens, nerPerType);
    }

    public RoundRequest withReplay(Path file, double ratio) {
        return new RoundRequest(corpora, round, documents, tasks, languages, Optional.of(file), ratio, excludedCorpora,
                validationFraction, seed, maxTokens, nerPerType);
    }

    public RoundRequest withExcluded(List<String> corporaToExclude) {
        return new RoundRequest(corpora, round, documents, tasks, languages, replay, replayRatio, corporaToExclude,
                validationFraction, seed, maxTokens, nerPerType);
    }

    public RoundRequest withValidationFraction(double fraction) {
        return new RoundRequest(corpora, round, documents, tasks, languages, replay, replayRatio, excludedCorpora, fraction,
                seed, maxTokens, nerPerType);
    }

    public RoundRequest withSeed(long newSeed) {
        return new RoundRequest(corpora, round, documents, tasks, languages, replay, replayRatio, excludedCorpora,
                validationFraction, newSeed, maxTokens, nerPerType);
    }

    public RoundRequest withMaxTokens(int tokens) {
        return new RoundRequest(corpora, round, documents, tasks, languages, replay, replayRatio, excludedCorpora,
                validationFraction, seed, tokens, nerPerType);
    }

    public RoundRequest withNerPerType(boolean perType) {
        return new RoundRequest(corpora, round, documents, tasks, languages, replay, replayRatio, excludedCorpora,
                validationFraction, seed, maxTokens, perType);
    }
}
