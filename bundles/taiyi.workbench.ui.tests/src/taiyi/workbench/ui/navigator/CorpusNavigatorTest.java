package taiyi.workbench.ui.navigator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static taiyi.workbench.ui.WorkbenchDriver.drain;
import static taiyi.workbench.ui.WorkbenchDriver.page;
import static taiyi.workbench.ui.WorkbenchDriver.screenshot;
import static taiyi.workbench.ui.WorkbenchDriver.testdata;
import static taiyi.workbench.ui.WorkbenchDriver.waitUntil;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.eclipse.jface.action.ActionContributionItem;
import org.eclipse.jface.action.IContributionItem;
import org.eclipse.swt.widgets.TreeItem;
import org.junit.jupiter.api.Test;

import taiyi.workbench.core.curation.CorrectionAction;
import taiyi.workbench.core.curation.CorrectionEvent;
import taiyi.workbench.core.curation.Suggestion;
import taiyi.workbench.core.model.Document;
import taiyi.workbench.core.model.EntityMention;
import taiyi.workbench.core.model.Provenance;
import taiyi.workbench.formats.pubtator.PubTatorReader;
import taiyi.workbench.store.CorpusStore;
import taiyi.workbench.ui.WorkbenchDatabase;

/** The navigator on a corpus with decisions in it: state, counts, open suggestions, the state filter, live refresh. */
class CorpusNavigatorTest {

    private static final String CORPUS = "ncbi-test-navigator";

    @Test
    void documentsShowStateAndOpenSuggestionsAndTheFilterPicksByState() throws Exception {
        CorpusStore store = WorkbenchDatabase.store();
        List<Document> documents = new PubTatorReader().read(testdata("ncbi-disease/pubtator/NCBItestset_corpus.txt"));
        CorpusNavigatorView navigator = assertInstanceOf(CorpusNavigatorView.class, page().findView(CorpusNavigatorView.ID));

        // the store's change alone brings the corpus into the tree: nobody calls refresh
        store.documents().importDocuments(CORPUS, documents, "navigator test");
        waitUntil("the new corpus in the navigator", 60, () -> corpusItem(navigator).isPresent());

        Document worked = documents.get(0);
        Document finished = documents.get(1);
        String text = worked.text();
        store.suggestions().addSuggestions(CORPUS, worked.id(), List.of(
                new Suggestion(EntityMention.of("S1", "Disease", 0, 5, List.of()), new Provenance("taiyi-qwen-7b", "", "ner-en-1", 1), -0.2),
                new Suggestion(EntityMention.of("S2", "Disease", 6, 12, List.of()), new Provenance("taiyi-qwen-7b", "", "ner-en-1", 1), -1.5),
                new Suggestion(EntityMention.of("S3", "Disease", 13, Math.min(20, text.length()), List.of()), new Provenance("taiyi-qwen-7b", "",
                        "ner-en-1", 1), -0.7)));
        store.log().record(CORPUS, CorrectionEvent.decision(worked.id(), "tester", CorrectionAction.REJECT, "S2", "test", 100));
        store.log().record(CORPUS, CorrectionEvent.decision(finished.id(), "tester", CorrectionAction.MARK_DONE, null, "test", 100));
        drain();

        navigator.viewer().setExpandedState(corpusItem(navigator).orElseThrow().getData(), true);
        waitUntil("the corpus's documents", 60, () -> corpusItem(navigator).orElseThrow().getItemCount() == documents.size()
                && corpusItem(navigator).orElseThrow().getItem(0).getText().contains("in progress"));
        TreeItem corpus = corpusItem(navigator).orElseThrow();
        TreeItem first = corpus.getItem(0);
        assertTrue(first.getText().startsWith(worked.id() + "  [in progress]  " + worked.mentions().size() + " mentions, 2 open"),
                first.getText());
        assertTrue(corpus.getItem(1).getText().startsWith(finished.id() + "  [done]  " + finished.mentions().size()
                + " mentions, 0 open"), corpus.getItem(1).getText());
        assertTrue(corpus.getItem(2).getText().contains("[unreviewed]"), corpus.getItem(2).getText());
        screenshot(page().getWorkbenchWindow().getShell(), "navigator.png");

        try {
            // the view menu's radio items, as the pull-down shows them
            choose(navigator, "In progress");
            assertEquals(List.of(worked.id()), ids(navigator));
            choose(navigator, "Done");
            assertEquals(List.of(finished.id()), ids(navigator));
            choose(navigator, "Unreviewed");
            assertEquals(documents.size() - 2, ids(navigator).size());
            assertTrue(!ids(navigator).contains(worked.id()) && !ids(navigator).contains(finished.id()));
        } finally {
            choose(navigator, "All documents");
        }
        assertEquals(documents.size(), ids(navigator).size());
    }

    private static Optional<TreeItem> corpusItem(CorpusNavigatorView navigator) {
        return Arrays.stream(navigator.viewer().getTree().getItems()).filter(i -> i.getText().startsWith(CORPUS + "  ")).findFirst();
    }

    private static List<String> ids(CorpusNavigatorView navigator) {
        TreeItem corpus = corpusItem(navigator).orElseThrow();
        navigator.viewer().setExpandedState(corpus.getData(), true);
        drain();
        return Arrays.stream(corpusItem(navigator).orElseThrow().getItems()).map(i -> i.getText().split(" ")[0]).toList();
    }

    private static void choose(CorpusNavigatorView navigator, String label) {
        IContributionItem[] items = navigator.getViewSite().getActionBars().getMenuManager().getItems();
        ActionContributionItem item = Arrays.stream(items).filter(ActionContributionItem.class::isInstance)
                .map(ActionContributionItem.class::cast).filter(i -> i.getAction().getText().equals(label)).findFirst()
                .orElseThrow(() -> new AssertionError("no filter '" + label + "' in the view menu"));
        // a radio item is checked by the menu before it runs
        Arrays.stream(items).filter(ActionContributionItem.class::isInstance).map(i -> ((ActionContributionItem) i).getAction())
                .forEach(a -> a.setChecked(a == item.getAction()));
        item.getAction().run();
        drain();
    }
}
