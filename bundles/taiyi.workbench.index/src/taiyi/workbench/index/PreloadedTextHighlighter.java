package taiyi.workbench.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

/**
 * Lucene's unified highlighter over texts the page has already read with the hits' ids. Lucene's
 * own would read each hit's stored fields a second time through a reader of its own, whose
 * decompression buffers (tens of KB per segment touched) were most of what a query allocated.
 * The texts are cut to the highlighter's maximum length as its own loading cuts them.
 */
final class PreloadedTextHighlighter extends UnifiedHighlighter {

    private final Map<Integer, String> texts;
    private final int maxLength;

    /** @param texts per Lucene document id, the stored text of the highlighted field */
    PreloadedTextHighlighter(Builder builder, int maxLength, Map<Integer, String> texts) {
        super(builder.withMaxLength(maxLength));
        this.texts = texts;
        this.maxLength = maxLength;
    }

    @Override
    protected List<CharSequence[]> loadFieldValues(String[] fields, DocIdSetIterator docs, int cacheCharsThreshold) throws IOException {
        if (fields.length != 1) {
            throw new IllegalArgumentException("one field is preloaded, not " + fields.length);
        }
        List<CharSequence[]> values = new ArrayList<>();
        for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
            String text = texts.get(doc);
            values.add(new CharSequence[] {text == null ? null : text.substring(0, Math.min(maxLength, text.length()))});
        }
        return values;
    }
}
