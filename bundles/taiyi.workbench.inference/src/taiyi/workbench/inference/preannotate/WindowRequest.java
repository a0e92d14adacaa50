package taiyi.workbench.inference.preannotate;

import taiyi.workbench.core.model.Document;
import taiyi.workbench.inference.Prompt;
import taiyi.workbench.inference.task.Instruction;
import taiyi.workbench.inference.task.TextWindow;

/**
 * One prompt of a run: a task on a window of a document.
 *
 * @param documentIndex position of the document in the run
 * @param document the document
 * @param window the window
 * @param windowCount how many windows the document has
 * @param instruction what was asked
 * @param prompt the instruction in the model's template
 * @param lastOfWindow whether this is the window's last task
 * @param lastOfDocument whether this is the document's last prompt
 */
record WindowRequest(int documentIndex, Document document, TextWindow window, int windowCount, Instruction instruction,
        Prompt prompt, boolean lastOfWindow, boolean lastOfDocument) {
}
