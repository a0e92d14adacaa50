package taiyi.workbench.formats.cblue;

import java.util.Random;

/** Random Chinese clinical-looking text, with supplementary characters and JSON escapes, for the generated round-trip tests. */
final class RandomChineseText {

    /** Characters the generated texts draw on: common ideographs, full-width punctuation, supplementary characters, Latin. */
    private static final String[] PIECES = {"肺", "炎", "发", "热", "咳", "嗽", "患", "者", "肾", "积", "水", "血", "糖", "𠮷", "𩸽", "😷",
        "，", "：", "；", "（", "）", "。", "、", "“", "”", "a", "X", "1", " ", "-", "\"", "\\", "\t", "\n", "/"};

    private RandomChineseText() {
    }

    /** A text of {@code codePoints} random pieces, each one code point. */
    static String text(Random random, int codePoints) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < codePoints; i++) {
            b.append(PIECES[random.nextInt(PIECES.length)]);
        }
        return b.toString();
    }
}
