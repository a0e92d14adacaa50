package taiyi.workbench.ui.preannotate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.dialogs.ListSelectionDialog;
import org.eclipse.ui.dialogs.PreferencesUtil;
import org.eclipse.ui.handlers.HandlerUtil;

import taiyi.workbench.core.model.LabelSchema;
import taiyi.workbench.inference.GenerationOptions;
import taiyi.workbench.inference.GeneratorSettings;
import taiyi.workbench.inference.task.TaskKind;
import taiyi.workbench.store.CorpusStore;
import taiyi.workbench.store.CorpusSummary;
import taiyi.workbench.store.DocumentSummary;
import taiyi.workbench.ui.WorkbenchDatabase;
import taiyi.workbench.ui.navigator.DocumentRow;
import taiyi.workbench.ui.preferences.ModelPreferences;
import taiyi.workbench.ui.preferences.TaiyiPreferencePage;

/**
 * Pre-annotate: the documents (or whole corpora) selected in the navigator, with the model of the
 * Taiyi preference page. Without a usable model folder it says what is wrong and offers the page.
 */
public final class PreannotateHandler extends AbstractHandler {

    @Override
    public Object execute(ExecutionEvent event) {
        Shell shell = HandlerUtil.getActiveShell(event);
        ModelPreferences prefs = ModelPreferences.current();
        Optional<String> problem = modelProblem(prefs);
        if (problem.isPresent()) {
            if (MessageDialog.open(MessageDialog.QUESTION, shell, "Pre-annotate", problem.get()
                    + "\n\nOpen the Taiyi preferences to choose the model folder?", 0)) {
                PreferencesUtil.createPreferenceDialogOn(shell, TaiyiPreferencePage.ID, null, null).open();
            }
            return null;
        }
        IStructuredSelection selection = HandlerUtil.getCurrentStructuredSelection(event);
        CorpusStore store = WorkbenchDatabase.store();
        Target target;
        try {
            target = Target.of(selection, store);
        } catch (IllegalArgumentException e) {
            MessageDialog.openInformation(shell, "Pre-annotate", e.getMessage());
            return null;
        }
        Set<TaskKind> offered = tasksFor(store.documents().schema(target.corpus()));
        if (offered.isEmpty()) {
            MessageDialog.openInformation(shell, "Pre-annotate", "Corpus '" + target.corpus() + "' has no entity types, relation "
                    + "types or document labels in its schema: there is nothing to ask the model for.");
            return null;
        }
        @SuppressWarnings("deprecation")
        ListSelectionDialog choose = new ListSelectionDialog(shell, offered.toArray(), ArrayContentProvider.getInstance(),
                new LabelProvider() {
                    @Override
                    public String getText(Object element) {
                        return switch ((TaskKind) element) {
                            case NER -> "Entities (NER)";
                            case RE -> "Relations (RE)";
                            case TC -> "Document labels (TC)";
                        };
                    }
                }, "Ask " + prefs.modelFolder().orElseThrow().getFileName() + " for these on " + target.documentIds().size()
                        + " document(s) of " + target.corpus() + ":");
        choose.setTitle("Pre-annotate");
        choose.setInitialSelections(TaskKind.NER);
        if (choose.open() != Window.OK || choose.getResult().length == 0) {
            return null;
        }
        Set<TaskKind> tasks = EnumSet.noneOf(TaskKind.class);
        for (Object o : choose.getResult()) {
            tasks.add((TaskKind) o);
        }
        newJob(prefs, store, target.corpus(), target.documentIds(), tasks).schedule();
        return null;
    }

    /** Why the configured model cannot be used, or empty when it looks usable. */
    public static Optional<String> modelProblem(ModelPreferences prefs) {
        Optional<Path> folder = prefs.modelFolder();
        if (folder.isEmpty()) {
            return Optional.of("No model is configured: set the Taiyi model folder (config.json, qwen.tiktoken and the "
                    + "weights) on the Taiyi preference page.");
        }
        if (!Files.isDirectory(folder.get())) {
            return Optional.of("The model folder " + folder.get() + " does not exist.");
        }
        if (prefs.adapterFolder().isPresent() && !Files.isDirectory(prefs.adapterFolder().get())) {
            return Optional.of("The adapter folder " + prefs.adapterFolder().get() + " does not exist.");
        }
        return Optional.empty();
    }

    /** A job for the documents with the model, device and generation settings of the preferences. */
    public static PreannotateJob newJob(ModelPreferences prefs, CorpusStore store, String corpus, List<String> documentIds,
            Set<TaskKind> tasks) {
        GeneratorSettings settings = new GeneratorSettings(prefs.modelFolder().orElseThrow(), prefs.adapterFolder().orElse(null),
                prefs.device(), GeneratorSettings.Precision.AUTO, prefs.template());
        return new PreannotateJob(store, corpus, documentIds, settings, prefs.registeredAdapter(), new GenerationOptions(
                prefs.maxNewTokens(), prefs.batchSize()), prefs.round(), tasks);
    }

    private static Set<TaskKind> tasksFor(LabelSchema schema) {
        Set<TaskKind> tasks = EnumSet.noneOf(TaskKind.class);
        if (!schema.entityTypes().isEmpty()) {
            tasks.add(TaskKind.NER);
        }
        if (!schema.relationTypes().isEmpty()) {
            tasks.add(TaskKind.RE);
        }
        if (!schema.documentLabels().isEmpty()) {
            tasks.add(TaskKind.TC);
        }
        return tasks;
    }

    /** The corpus and documents a navigator selection names. */
    record Target(String corpus, List<String> documentIds) {

        static Target of(IStructuredSelection selection, CorpusStore store) {
            Set<String> corpora = new LinkedHashSet<>();
            List<String> ids = new ArrayList<>();
            for (Object o : selection.toList()) {
                if (o instanceof DocumentRow row) {
                    corpora.add(row.summary().corpus());
                    ids.add(row.summary().id());
                } else if (o instanceof CorpusSummary c) {
                    corpora.add(c.name());
                    store.documents().summaries(c.name()).stream().map(DocumentSummary::id).forEach(ids::add);
                }
            }
            if (corpora.isEmpty()) {
                throw new IllegalArgumentException("Select documents or a corpus in the Corpora view first.");
            }
            if (corpora.size() > 1) {
                throw new IllegalArgumentException("Select documents of one corpus at a time (the selection spans " + corpora + ").");
            }
            return new Target(corpora.iterator().next(), ids.stream().distinct().toList());
        }
    }
}
