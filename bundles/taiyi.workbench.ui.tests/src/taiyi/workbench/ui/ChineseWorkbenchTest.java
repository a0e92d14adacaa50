package taiyi.workbench.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static taiyi.workbench.ui.WorkbenchDriver.drain;
import static taiyi.workbench.ui.WorkbenchDriver.find;
import static taiyi.workbench.ui.WorkbenchDriver.page;
import static taiyi.workbench.ui.WorkbenchDriver.screenshot;
import static taiyi.workbench.ui.WorkbenchDriver.testdata;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.eclipse.core.runtime.Platform;
import org.eclipse.draw2d.Label;
import org.eclipse.jface.preference.PreferenceDialog;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.dialogs.PreferencesUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import taiyi.workbench.core.model.Document;
import taiyi.workbench.core.model.Language;
import taiyi.workbench.formats.Format;
import taiyi.workbench.formats.cblue.CmeeeReader;
import taiyi.workbench.index.SearchResult;
import taiyi.workbench.ui.editor.AnnotationItem;
import taiyi.workbench.ui.editor.DocumentEditor;
import taiyi.workbench.ui.editor.DocumentEditorInput;
import taiyi.workbench.ui.editor.TypeChooser;
import taiyi.workbench.ui.imports.ImportWizard;
import taiyi.workbench.ui.l10n.Messages;
import taiyi.workbench.ui.navigator.CorpusNavigatorView;
import taiyi.workbench.ui.preferences.TaiyiPreferencePage;
import taiyi.workbench.ui.properties.AnnotationPropertiesView;
import taiyi.workbench.ui.search.SearchView;

/**
 * The workbench as a curator on a Chinese desktop starts it ({@code -nl zh_CN}, the build's
 * {@code chinese-workbench} run): menus, view titles, a preference page and the import wizard in
 * Chinese; a CMeEE document's legend naming its types 身体 and 疾病; Chinese typed through an input
 * method narrowing the type chooser and searching the corpus.
 *
 * <p>Committed input-method text reaches an SWT {@link Text} as an insertion (GTK's
 * {@code insert-text}, then SWT's Verify and Modify events) whatever the keys were; the tests
 * insert the committed text the same way ({@link Text#insert}), since Xvfb has no input method.
 */
@EnabledIfSystemProperty(named = "taiyi.test.nl", matches = ".+", disabledReason = "run by the chinese-workbench execution only")
class ChineseWorkbenchTest {

    private static final String CORPUS = "cmeee-zh";
    private static final String EDITED = "cmeee-zh-edited";

    @BeforeEach
    void onlyInTheChineseRun() {
        // the English run of the module skips this class; the Chinese one must really be Chinese
        String asked = System.getProperty("taiyi.test.nl");
        assertEquals(asked, Platform.getNL(), "the workbench was not started with -nl " + asked);
        assertEquals(Language.CHINESE, Messages.language());
    }

    @AfterEach
    void closeEditors() {
        if (PlatformUI.isWorkbenchRunning()) {
            page().closeAllEditors(false);
        }
    }

    /** A menu item's text without its mnemonic, whether written {@code &File} or {@code 文件(&F)}. */
    private static String plain(MenuItem item) {
        return item.getText().split("\t")[0].replaceAll("\\(&.\\)", "").replace("&", "");
    }

    private static List<String> labels(Menu menu) {
        menu.notifyListeners(SWT.Show, new Event());
        drain();
        return Arrays.stream(menu.getItems()).filter(i -> (i.getStyle() & SWT.SEPARATOR) == 0).map(ChineseWorkbenchTest::plain).toList();
    }

    private static Menu submenu(Menu menu, String label) {
        menu.notifyListeners(SWT.Show, new Event());
        drain();
        MenuItem item = Arrays.stream(menu.getItems()).filter(i -> plain(i).equals(label)).findFirst()
                .orElseThrow(() -> new AssertionError("no menu '" + label + "' in " + labels(menu)));
        return item.getMenu();
    }

    @Test
    void theMainMenusAndTheViewTitlesAreChinese() throws Exception {
        Menu bar = page().getWorkbenchWindow().getShell().getMenuBar();
        assertEquals(List.of("文件", "编辑", "学习", "窗口", "帮助"), Arrays.stream(bar.getItems()).map(ChineseWorkbenchTest::plain).toList());
        assertTrue(labels(submenu(bar, "学习")).contains("训练适配器…"), labels(submenu(bar, "学习")).toString());
        List<String> file = labels(submenu(bar, "文件"));
        assertTrue(file.containsAll(List.of("导入…", "刷新语料库", "预标注…", "导出轮次…")) && file.get(file.size() - 1).equals("退出"),
                file.toString());
        assertTrue(labels(submenu(bar, "编辑")).containsAll(List.of("撤销", "重做")));
        Menu window = submenu(bar, "窗口");
        assertTrue(labels(window).contains("首选项"), labels(window).toString());
        List<String> views = labels(submenu(window, "显示视图"));
        assertTrue(views.containsAll(List.of("语料库", "搜索", "导入问题")), views.toString());
        assertEquals("太一工作台", page().getWorkbenchWindow().getShell().getText());

        IViewPart navigator = page().showView(CorpusNavigatorView.ID);
        assertEquals("语料库", navigator.getTitle());
        assertEquals("搜索", page().showView(SearchView.ID).getTitle());
        screenshot(page().getWorkbenchWindow().getShell(), "zh-workbench.png");
    }

    @Test
    void theTaiyiPreferencePageIsChinese() throws Exception {
        PreferenceDialog dialog = PreferencesUtil.createPreferenceDialogOn(page().getWorkbenchWindow().getShell(),
                TaiyiPreferencePage.ID, null, null);
        dialog.setBlockOnOpen(false);
        dialog.open();
        try {
            drain();
            TaiyiPreferencePage taiyi = assertInstanceOf(TaiyiPreferencePage.class, dialog.getSelectedPage());
            assertEquals("太一", taiyi.getTitle());
            assertEquals("工作台用于预标注的太一模型，以及语料库数据库。", taiyi.getDescription());
            for (String label : List.of("模型文件夹(&M)：", "设备(&D)：", "语言(&G)（重启后生效）：", "API 密钥（安全存储）(&S)：")) {
                assertEquals(1, find(dialog.getShell(), org.eclipse.swt.widgets.Label.class, l -> l.getText().equals(label)).size(),
                        "no label " + label);
            }
            // the platform's tree lists our pages by their Chinese names too
            assertNotNull(dialog.getTreeViewer().getTree().getItems()[0]);
            assertTrue(Arrays.stream(dialog.getTreeViewer().getTree().getItems()).anyMatch(i -> i.getText().equals("太一")),
                    "no page 太一 in the tree");
            screenshot(dialog.getShell(), "zh-preferences.png");
        } finally {
            dialog.close();
        }
    }

    @Test
    void theImportWizardIsChinese() throws Exception {
        ImportWizard wizard = new ImportWizard();
        wizard.init(PlatformUI.getWorkbench(), StructuredSelection.EMPTY);
        WizardDialog dialog = new WizardDialog(page().getWorkbenchWindow().getShell(), wizard);
        dialog.setBlockOnOpen(false);
        dialog.open();
        try {
            drain();
            assertEquals("导入到语料库", dialog.getShell().getText());
            assertEquals("要导入的文件", wizard.sourcesPage().getTitle());
            assertEquals(1, find(dialog.getShell(), Button.class, b -> b.getText().equals("添加文件(&F)…")).size());
            // .json is claimed by several formats: the page asks for one (in Chinese), then counts the file
            wizard.sourcesPage().addSources(List.of(testdata("cmeee/CMeEE_dev_subset.json")));
            drain();
            TableItem row = find(dialog.getShell(), org.eclipse.swt.widgets.Table.class, t -> true).get(0).getItem(0);
            assertTrue(row.getText(1).endsWith("之一：请选择"), row.getText(1));
            wizard.sourcesPage().setFormat(Optional.of(Format.CMEEE));
            drain();
            assertEquals(1, find(dialog.getShell(), org.eclipse.swt.widgets.Label.class, l -> l.getText().equals("待导入 1 个文件")).size(),
                    "no Chinese summary of the files to import");
            screenshot(dialog.getShell(), "zh-import-wizard.png");
        } finally {
            dialog.close();
        }
    }

    /** The CMeEE subset as corpus {@code name} of the workbench's database, imported and indexed once. */
    private static List<Document> cmeee(String name) throws Exception {
        List<Document> docs = new CmeeeReader().read(testdata("cmeee/CMeEE_dev_subset.json"));
        if (WorkbenchDatabase.store().statistics().corpora().stream().noneMatch(c -> c.name().equals(name))) {
            WorkbenchDatabase.store().documents().importDocuments(name, docs, "CMeEE_dev_subset.json");
            WorkbenchDriver.waitUntil("the index to hold the corpus", 180, () -> WorkbenchIndex.index().documentCount(name) == docs.size());
        }
        return docs;
    }

    @Test
    void aCmeeeDocumentsLegendAndChooserNameTheTypesInChineseAndComposedTextFiltersTheChooser() throws Exception {
        // a corpus of its own: the mention this test adds would change the counts the other tests read
        Document sentence = cmeee(EDITED).get(0);
        DocumentEditor editor = assertInstanceOf(DocumentEditor.class,
                page().openEditor(new DocumentEditorInput(EDITED, sentence.id()), DocumentEditor.ID));
        drain();
        // the sentence holds one bod (SARST细胞) and one dis (成人SARS): the legend's first two chips
        List<String> chips = editor.legend().getChildren().stream().map(c -> ((Label) c).getText()).toList();
        assertEquals("1 身体  1", chips.get(0), chips.toString());
        assertEquals("2 疾病  1", chips.get(1), chips.toString());
        String tip = ((Label) ((Label) editor.legend().getChildren().get(0)).getToolTip()).getText();
        assertTrue(tip.contains("bod"), "the code is not in the chip's tooltip: " + tip);
        screenshot(editor.textWidget().getShell(), "zh-editor-legend.png");

        // the chooser names every type in Chinese; composed 疾病 in its filter leaves dis alone, and Enter labels with it
        int drop = sentence.text().indexOf("细胞下降");
        editor.textWidget().setSelection(drop, drop + 4);
        TypeChooser chooser = editor.chooseType("test:ime");
        assertNotNull(chooser);
        List<String> shown = Arrays.asList(chooser.listWidget().getItems());
        assertTrue(shown.get(0).endsWith("身体") && shown.get(1).endsWith("疾病"), shown.toString());
        Text filter = chooser.filterWidget();
        filter.setFocus();
        filter.insert("疾病");
        drain();
        assertEquals(List.of("dis"), chooser.shownTypes());
        assertEquals("dis", chooser.listWidget().getToolTipText());
        filter.setText("");
        filter.insert("微生物");
        drain();
        assertEquals(List.of("mic"), chooser.shownTypes());
        filter.setText("");
        filter.insert("疾病");
        drain();
        filter.notifyListeners(SWT.DefaultSelection, new Event());
        drain();
        assertEquals("dis", editor.model().mentionsAt(drop).get(0).type());
        assertEquals("细胞下降", editor.model().mentionsAt(drop).get(0).coveredText(sentence.text()));

        // the caret is on the new mention: once the editor has published it, the Annotation view (which
        // follows the active part, here told directly) names its type the same way, the code beside it
        WorkbenchDriver.waitUntil("the editor to publish the new mention", 10,
                () -> editor.getSite().getSelectionProvider().getSelection() instanceof IStructuredSelection s
                        && s.getFirstElement() instanceof AnnotationItem.CuratedMention m && m.mention().type().equals("dis"));
        AnnotationPropertiesView view = assertInstanceOf(AnnotationPropertiesView.class, page().showView(AnnotationPropertiesView.ID));
        view.selectionChanged(editor, editor.getSite().getSelectionProvider().getSelection());
        assertEquals("疾病（dis）", view.rows().stream().filter(r -> r.name().equals("类型")).findFirst().orElseThrow().value());
        assertEquals("已审校", view.rows().stream().filter(r -> r.name().equals("层")).findFirst().orElseThrow().value());
    }

    @Test
    void theNavigatorCountsACorpussMentionsByTypeInChinese() throws Exception {
        cmeee(CORPUS);
        CorpusNavigatorView navigator = assertInstanceOf(CorpusNavigatorView.class, page().showView(CorpusNavigatorView.ID));
        String counts = navigator.typeCounts(CORPUS);
        // testdata/SOURCES.md: the subset's 2,192 entities, 648 bod and 529 dis the most
        assertTrue(counts.startsWith("按类型统计的已审校提及：身体（bod）648，疾病（dis）529，临床表现（sym）484"), counts);
        assertTrue(counts.contains("科室（dep）10"), counts);
    }

    @Test
    void composedChineseInTheSearchBoxFindsTheDocumentsAndTheFacetsNameTheTypes() throws Exception {
        List<Document> docs = cmeee(CORPUS);
        long containing = docs.stream().filter(d -> d.text().contains("糖尿病")).count();
        assertTrue(containing > 0);
        SearchView view = assertInstanceOf(SearchView.class, page().showView(SearchView.ID));
        drain();
        view.setCorpus(CORPUS);
        Text query = find(view.getViewSite().getShell(), Text.class, t -> (t.getStyle() & SWT.SEARCH) != 0
                && t.getMessage().startsWith("cisplatin")).get(0);
        query.setText("");
        query.setFocus();
        query.insert("糖尿病");
        drain();
        query.notifyListeners(SWT.DefaultSelection, new Event());
        SearchView.SearchRun run = view.running().orElseThrow(() -> new AssertionError("Enter in the search box started no search"));
        assertEquals("糖尿病", run.query());
        WorkbenchDriver.waitUntil("the search to show its facets", 120, () -> run.facets().isDone());
        SearchResult result = run.result();
        assertEquals(containing, result.totalHits());
        assertTrue(view.statusText().contains("篇文档匹配"), view.statusText());
        TableItem[] facets = view.facetsViewer().getTable().getItems();
        assertTrue(Arrays.stream(facets).anyMatch(f -> f.getText(0).equals("type") && f.getText(1).equals("疾病")),
                "no 疾病 type facet: " + Arrays.stream(facets).map(f -> f.getText(0) + "=" + f.getText(1)).toList());
        screenshot(page().getWorkbenchWindow().getShell(), "zh-search.png");
    }
}
