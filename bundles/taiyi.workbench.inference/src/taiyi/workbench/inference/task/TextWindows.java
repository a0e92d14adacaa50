package taiyi.workbench.inference.task;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import taiyi.workbench.core.model.Document;
import taiyi.workbench.core.model.Passage;

/**
 * Cuts a document into windows that together cover its text exactly, cut only where a passage
 * starts or a sentence ends, each window as full as the budget allows. A sentence longer than the
 * budget is cut at the budget (never inside a surrogate pair), since the model could not read it
 * otherwise.
 */
public final class TextWindows {

    private TextWindows() {
    }

    /** The windows of the document text, in order; one empty-free window per stretch. */
    public static List<TextWindow> split(Document document, WindowBudget budget) {
        String text = document.text();
        TreeSet<Integer> cuts = new TreeSet<>();
        for (Passage p : document.passages()) {
            cuts.add(p.span().start());
        }
        cuts.addAll(SentenceEnds.of(text));
        cuts.add(text.length());
        List<TextWindow> windows = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            Integer fits = cuts.floor(start + budget.chars());
            int end;
            if (fits != null && fits > start) {
                end = fits;
            } else {
                end = Math.min(text.length(), start + budget.chars());
                if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
                    end = end - 1 > start ? end - 1 : end + 1;
                }
            }
            windows.add(new TextWindow(windows.size(), start, text.substring(start, end)));
            start = end;
        }
        return windows;
    }
}
