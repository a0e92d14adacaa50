package taiyi.workbench.index;

import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;

/**
 * The analysers of the text fields. Every document's text is analysed twice, whatever its detected
 * language, because Chinese clinical text is full of Latin drug names and English abstracts quote
 * Chinese rarely but not never: English (StandardTokenizer, stop words, Porter stemming) and Chinese
 * (SmartChineseAnalyzer's HMM word segmentation, which also lowercases and stems Latin words).
 */
final class CorpusAnalyzers {

    private CorpusAnalyzers() {
    }

    /** Per field: {@code text_zh} Chinese, everything else English (keyword fields are not analysed). */
    static Analyzer create() {
        return new PerFieldAnalyzerWrapper(new EnglishAnalyzer(), Map.of(IndexFields.TEXT_ZH, new SmartChineseAnalyzer()));
    }
}
