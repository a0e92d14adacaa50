package taiyi.workbench.ui.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static taiyi.workbench.ui.editor.EditorDriver.drain;
import static taiyi.workbench.ui.editor.EditorDriver.type;

import java.nio.file.Path;
import java.util.List;

import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import taiyi.workbench.core.curation.CorrectionAction;
import taiyi.workbench.core.curation.CorrectionEvent;
import taiyi.workbench.core.model.Document;
import taiyi.workbench.formats.cblue.CmeeeReader;
import taiyi.workbench.store.CorpusStore;

/**
 * Chinese text in the editor: a real CMeEE sentence (CBLUE), labelled by digit key and through the
 * type chooser, with the new mentions painted in their types' colours; a key with nothing to act on
 * says why and records nothing.
 */
class ChineseDocumentEditorTest {

    @AfterEach
    void closeEditors() {
        page().closeAllEditors(false);
    }

    private static IWorkbenchPage page() {
        return PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
    }

    @Test
    void aChineseSentenceIsLabelledByKeyAndByTheChooser() throws Exception {
        Path file = Path.of(System.getProperty("taiyi.testdata"), "cmeee", "CMeEE_dev_subset.json");
        Document sentence = new CmeeeReader().read(file).get(0);
        assertTrue(sentence.text().startsWith("对儿童SARST细胞亚群的研究表明"), sentence.text());
        try (CorpusStore store = EditorDriver.testStore("editor-zh-db")) {
            store.documents().importDocuments("cmeee", List.of(sentence), file.toString());
            DocumentEditor editor = assertInstanceOf(DocumentEditor.class,
                    page().openEditor(new DocumentEditorInput(store, "cmeee", sentence.id()), DocumentEditor.ID));
            StyledText text = editor.textWidget();
            drain();
            List<String> types = editor.keyedTypes();
            assertEquals(List.of("bod", "dis"), types.subList(0, 2));

            // nothing selected and no suggestion at the caret: A explains itself and records nothing
            text.setSelection(1);
            drain();
            int before = store.log().events("cmeee", sentence.id()).size();
            type(text, 'a');
            assertEquals("no open suggestion at the caret to accept", editor.lastMessage());
            assertEquals(before, store.log().events("cmeee", sentence.id()).size());

            int child = sentence.text().indexOf("儿童");
            text.setSelection(child, child + 2);
            type(text, '1');
            CorrectionEvent created = last(store, sentence.id());
            assertEquals(CorrectionAction.CREATE, created.action());
            assertEquals("儿童", created.mentionAfter().coveredText(sentence.text()));
            assertEquals("bod", created.mentionAfter().type());

            // L opens the chooser; choosing "dis" labels the selection with it
            int drop = sentence.text().indexOf("细胞下降");
            text.setSelection(drop, drop + 4);
            type(text, 'l');
            TypeChooser chooser = editor.chooser();
            assertNotNull(chooser, "L did not open the type chooser: " + editor.lastMessage());
            assertEquals(types, chooser.types());
            chooser.choose("dis");
            drain();
            CorrectionEvent chosen = last(store, sentence.id());
            assertEquals("dis", chosen.mentionAfter().type());
            assertEquals("细胞下降", chosen.mentionAfter().coveredText(sentence.text()));

            // both new mentions are painted in their types' colours behind the Chinese characters: the
            // selection and the caret are moved off them first, and each character's box is sampled
            // whole, since ideographs cover much of it with ink
            text.setSelection(text.getCharCount());
            ImageData shown = EditorDriver.capture(text);
            assertEquals(EntityTypePalette.rgbOf("bod"), EditorDriver.dominantColour(shown, charBox(text, child, 2)));
            assertEquals(EntityTypePalette.rgbOf("dis"), EditorDriver.dominantColour(shown, charBox(text, drop, 4)));
            EditorDriver.screenshot(text.getShell(), "editor-chinese.png");
            page().closeAllEditors(false);
        }
    }

    /** The box of chars {@code [start, start + length)} on one line, inside its outline. */
    private static Rectangle charBox(StyledText text, int start, int length) {
        Rectangle box = text.getTextBounds(start, start + length - 1);
        return new Rectangle(box.x + 2, box.y + 2, box.width - 4, box.height - 4);
    }

    private static CorrectionEvent last(CorpusStore store, String id) {
        List<CorrectionEvent> log = store.log().events("cmeee", id);
        return log.get(log.size() - 1);
    }

}
