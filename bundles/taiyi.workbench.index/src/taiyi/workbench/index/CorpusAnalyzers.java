package taiyi.workbench.index;

import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.core.FlattenGraphFilter;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.miscellaneous.WordDelimiterGraphFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * The analysers of the text fields, and which a text gets. Every text is analysed as English,
 * which also finds Chinese as phrases of single ideographs; a text that holds a Han character,
 * whatever its declared language, is analysed as Chinese too (SmartChineseAnalyzer's HMM word
 * segmentation), because Chinese clinical text is full of Latin drug names and English abstracts
 * quote Chinese rarely but not never. A text without one is not: there the Chinese analysis finds
 * the Latin words the English one does, at about five times its cost, and every query would score
 * them twice.
 *
 * <p>The English analysis is Lucene's {@code EnglishAnalyzer} (standard tokenizer, possessives,
 * lower case, Porter stems) with two changes for biomedical text, which the Chinese analysis of
 * every text used to hide: no stop words, because {@code NO} is nitric oxide and {@code IF}
 * ifosfamide; and words split where letters meet digits or a lower-case letter an upper-case one
 * ({@code 5-HT6} also as {@code 5-HT 6}, {@code DA1} as {@code DA 1}, {@code NaCl} as {@code Na Cl},
 * {@code 3.5mmTT} as {@code 3 5 mm TT}), so that a mention written inside a longer token is found.
 * The index keeps each token whole beside its parts; a query asks for the parts, which match both.
 */
public final class CorpusAnalyzers {

    private static final int SPLIT = WordDelimiterGraphFilter.GENERATE_WORD_PARTS | WordDelimiterGraphFilter.GENERATE_NUMBER_PARTS
            | WordDelimiterGraphFilter.SPLIT_ON_NUMERICS | WordDelimiterGraphFilter.SPLIT_ON_CASE_CHANGE
            | WordDelimiterGraphFilter.STEM_ENGLISH_POSSESSIVE;

    private CorpusAnalyzers() {
    }

    /** What the index writes: per field, {@code text_zh} Chinese, everything else English (keyword fields are not analysed). */
    public static Analyzer forIndexing() {
        return perField(new English(true));
    }

    /** What a query's words are analysed with: the English analysis asks for a token's parts only. */
    public static Analyzer forQueries() {
        return perField(new English(false));
    }

    private static Analyzer perField(Analyzer english) {
        return new PerFieldAnalyzerWrapper(english, Map.of(IndexFields.TEXT_ZH, new SmartChineseAnalyzer()));
    }

    /** Whether the text is analysed as Chinese too: whether it holds a Han character. */
    public static boolean analysedAsChinese(String text) {
        for (int i = 0; i < text.length(); i++) {
            // below U+2E80 (CJK radicals) nothing is Han: the script lookup only for what may be
            if (text.charAt(i) >= '\u2e80' && Character.UnicodeScript.of(text.codePointAt(i)) == Character.UnicodeScript.HAN) {
                return true;
            }
        }
        return false;
    }

    /** The English analysis, for the index (whole tokens kept beside their parts) or for queries. */
    private static final class English extends Analyzer {
        private final boolean indexing;

        English(boolean indexing) {
            this.indexing = indexing;
        }

        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer source = new StandardTokenizer();
            TokenStream result = new WordDelimiterGraphFilter(source, indexing ? SPLIT | WordDelimiterGraphFilter.PRESERVE_ORIGINAL : SPLIT,
                    null);
            if (indexing) {
                // the index cannot hold a token graph: the whole token and its first part share a position
                result = new FlattenGraphFilter(result);
            }
            result = new EnglishPossessiveFilter(result);
            result = new LowerCaseFilter(result);
            return new TokenStreamComponents(source, new PorterStemFilter(result));
        }

        @Override
        protected TokenStream normalize(String fieldName, TokenStream in) {
            return new LowerCaseFilter(in);
        }
    }
}
