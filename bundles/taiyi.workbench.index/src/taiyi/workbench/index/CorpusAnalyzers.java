package taiyi.workbench.index;

import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.core.FlattenGraphFilter;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ConditionalTokenFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.miscellaneous.WordDelimiterGraphFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * The analysers of the text fields, and which a text gets. Every text is analysed as English,
 * which also finds Chinese as phrases of single ideographs; a text that holds a Han character,
 * whatever its declared language, is analysed as Chinese too (SmartChineseAnalyzer's HMM word
 * segmentation), because Chinese clinical text is full of Latin drug names and English abstracts
 * quote Chinese rarely but not never. A text without one is not: there the Chinese analysis finds
 * the Latin words the English one does, at about five times its cost, and every query would score
 * them twice.
 *
 * <p>The English analysis is Lucene's {@code EnglishAnalyzer} (standard tokenizer, stop words,
 * possessives, lower case, Porter stems) with two changes for biomedical text, which the Chinese
 * analysis of every text used to hide:
 * <ul>
 * <li>stop words are dropped only as written in lower case or with a capital first letter, because
 * {@code NO} is nitric oxide, {@code IF} ifosfamide and {@code AS} ankylosing spondylitis;
 * <li>a token where letters meet digits, or a capital follows a lower-case letter, is also split
 * there ({@code 5-HT6} also as {@code 5-HT 6}, {@code DA1} as {@code DA 1}, {@code NaCl} as
 * {@code Na Cl}, {@code 3.5mmTT} as {@code 3 5 mm TT}), so that a mention written inside a longer
 * token is found. The index keeps such a token whole beside its parts; a query asks for the parts,
 * which match both. Only those tokens go through Lucene's word delimiter, which on every token
 * doubled the analysis's time.
 * </ul>
 */
public final class CorpusAnalyzers {

    private static final int SPLIT = WordDelimiterGraphFilter.GENERATE_WORD_PARTS | WordDelimiterGraphFilter.GENERATE_NUMBER_PARTS
            | WordDelimiterGraphFilter.SPLIT_ON_NUMERICS | WordDelimiterGraphFilter.SPLIT_ON_CASE_CHANGE
            | WordDelimiterGraphFilter.STEM_ENGLISH_POSSESSIVE;
    /** English stop words in lower case and with a capital first letter, told apart by case. */
    private static final CharArraySet STOP_WORDS = lowerAndCapitalized(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);

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

    private static CharArraySet lowerAndCapitalized(CharArraySet words) {
        CharArraySet out = new CharArraySet(words.size() * 2, false);
        for (Object w : words) {
            String word = new String((char[]) w);
            out.add(word);
            out.add(Character.toUpperCase(word.charAt(0)) + word.substring(1));
        }
        return CharArraySet.unmodifiableSet(out);
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
            TokenStream result = new SplitMixedTokens(source, indexing);
            result = new StopFilter(result, STOP_WORDS);
            result = new EnglishPossessiveFilter(result);
            result = new LowerCaseFilter(result);
            return new TokenStreamComponents(source, new PorterStemFilter(result));
        }

        @Override
        protected TokenStream normalize(String fieldName, TokenStream in) {
            return new LowerCaseFilter(in);
        }
    }

    /** Splits the tokens where letters meet digits or a capital follows a lower-case letter. */
    private static final class SplitMixedTokens extends ConditionalTokenFilter {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

        SplitMixedTokens(TokenStream input, boolean keepWhole) {
            // the index cannot hold a token graph: flattened, the whole token and its first part share a position
            super(input, in -> keepWhole ? new FlattenGraphFilter(new WordDelimiterGraphFilter(in, SPLIT | WordDelimiterGraphFilter.PRESERVE_ORIGINAL,
                    null)) : new WordDelimiterGraphFilter(in, SPLIT, null));
        }

        @Override
        protected boolean shouldFilter() {
            char[] b = term.buffer();
            for (int i = 1; i < term.length(); i++) {
                char p = b[i - 1];
                char c = b[i];
                if (Character.isLetter(p) && Character.isDigit(c) || Character.isDigit(p) && Character.isLetter(c)
                        || Character.isLowerCase(p) && Character.isUpperCase(c)) {
                    return true;
                }
            }
            return false;
        }
    }
}
