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
import org.eclipse.osgi.util.NLS;
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
import taiyi.workbench.ui.l10n.Messages;

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
            if (MessageDialog.open(MessageDialog.QUESTION, shell, Messages.PreannotateHandler_title,
                    NLS.bind(Messages.PreannotateHandler_openPreferences, problem.get()), 0)) {
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
            MessageDialog.openInformation(shell, Messages.PreannotateHandler_title, e.getMessage());
            return null;
        }
        Set<TaskKind> offered = tasksFor(store.documents().schema(target.corpus()));
        if (offered.isEmpty()) {
            MessageDialog.openInformation(shell, Messages.PreannotateHandler_title, NLS.bind(Messages.PreannotateHandler_nothingToAsk, target.corpus()));
            return null;
        }
        @SuppressWarnings("deprecation")
        ListSelectionDialog choose = new ListSelectionDialog(shell, offered.toArray(), ArrayContentProvider.getInstance(),
                new LabelProvider() {
                    @Override
                    public String getText(Object element) {
                        return switch ((TaskKind) element) {
                            case NER -> Messages.PreannotateHandler_ner;
                            case RE -> Messages.PreannotateHandler_re;
                            case TC -> Messages.PreannotateHandler_tc;
                        };
                    }
                }, NLS.bind(Messages.PreannotateHandler_ask, new Object[] {prefs.modelFolder().orElseThrow().getFileName(),
                        target.documentIds().size(), target.corpus()}));
        choose.setTitle(Messages.PreannotateHandler_title);
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
        if (prefs.usesServer()) {
            try {
                prefs.endpoint();
                return Optional.empty();
            } catch (IllegalArgumentException e) {
                return Optional.of(e.getMessage());
            }
        }
        Optional<Path> folder = prefs.modelFolder();
        if (folder.isEmpty()) {
            return Optional.of(Messages.PreannotateHandler_noModel);
        }
        if (!Files.isDirectory(folder.get())) {
            return Optional.of(NLS.bind(Messages.PreannotateHandler_noModelFolder, folder.get()));
        }
        if (prefs.adapterFolder().isPresent() && !Files.isDirectory(prefs.adapterFolder().get())) {
            return Optional.of(NLS.bind(Messages.PreannotateHandler_noAdapterFolder, prefs.adapterFolder().get()));
        }
        return Optional.empty();
    }

    /** A job for the documents with the model, device and generation settings of the preferences. */
    public static PreannotateJob newJob(ModelPreferences prefs, CorpusStore store, String corpus, List<String> documentIds,
            Set<TaskKind> tasks) {
        if (prefs.usesServer()) {
            return new PreannotateJob(store, corpus, documentIds, prefs.endpoint(), prefs.template(),
                    new GenerationOptions(prefs.maxNewTokens(), prefs.batchSize()), prefs.round(), tasks);
        }
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
                throw new IllegalArgumentException(Messages.PreannotateHandler_selectFirst);
            }
            if (corpora.size() > 1) {
                throw new IllegalArgumentException(NLS.bind(Messages.PreannotateHandler_oneCorpus, corpora));
            }
            return new Target(corpora.iterator().next(), ids.stream().distinct().toList());
        }
    }
}
