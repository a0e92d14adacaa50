package taiyi.workbench.ui.learning;

import java.util.LinkedHashSet;
import java.util.Set;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.osgi.util.NLS;
import org.eclipse.ui.handlers.HandlerUtil;

import taiyi.workbench.learning.learner.rounds.LearnerChoice;
import taiyi.workbench.learning.learner.tagger.TaggerSettings;
import taiyi.workbench.store.CorpusStore;
import taiyi.workbench.store.CorpusSummary;
import taiyi.workbench.ui.WorkbenchDatabase;
import taiyi.workbench.ui.navigator.DocumentRow;
import taiyi.workbench.ui.l10n.Messages;

/** Retrain Learners: the dictionary and the tagger of the corpus selected in the Corpora view, now. */
public final class RetrainLearnersHandler extends AbstractHandler {

    @Override
    public Object execute(ExecutionEvent event) {
        Set<String> corpora = new LinkedHashSet<>();
        IStructuredSelection selection = HandlerUtil.getCurrentStructuredSelection(event);
        for (Object o : selection.toList()) {
            if (o instanceof DocumentRow row) {
                corpora.add(row.summary().corpus());
            } else if (o instanceof CorpusSummary c) {
                corpora.add(c.name());
            }
        }
        if (corpora.size() != 1) {
            MessageDialog.openInformation(HandlerUtil.getActiveShell(event), Messages.RetrainLearnersHandler_title,
                    corpora.isEmpty() ? Messages.RetrainLearnersHandler_selectFirst : NLS.bind(Messages.RetrainLearnersHandler_oneCorpus, corpora));
            return null;
        }
        CorpusStore store = WorkbenchDatabase.store();
        String corpus = corpora.iterator().next();
        RetrainAfterDecisions.restartCounting(store, corpus);
        RetrainLearnersJob job = new RetrainLearnersJob(store, corpus, LearnerChoice.parse("all", TaggerSettings.defaults()));
        job.setUser(true);
        job.schedule();
        return null;
    }
}
