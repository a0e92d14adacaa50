package taiyi.workbench.core.model;

import java.util.Locale;

/** The languages a document can be written in; the analysers, prompts and schemas key on it. */
public enum Language {
    ENGLISH("en"),
    CHINESE("zh");

    private final String code;

    Language(String code) {
        this.code = code;
    }

    /** ISO 639-1 code, as stored and as written in the canonical JSON. */
    public String code() {
        return code;
    }

    /** Parses an ISO 639-1 code ({@code en}, {@code zh}, also {@code zh-CN}); case does not matter. */
    public static Language fromCode(String code) {
        String c = code.trim().toLowerCase(Locale.ROOT);
        for (Language language : values()) {
            if (c.equals(language.code) || c.startsWith(language.code + "-")) {
                return language;
            }
        }
        throw new IllegalArgumentException("unknown language code '" + code + "' (expected en or zh)");
    }

    /**
     * Guesses the language of a text: Chinese when CJK ideographs make up a fifth or more of its
     * letters, which holds for Chinese clinical text full of Latin drug names and units.
     */
    public static Language detect(CharSequence text) {
        int letters = 0;
        int han = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = Character.codePointAt(text, i);
            if (Character.isLetter(cp)) {
                letters++;
                if (Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN) {
                    han++;
                }
            }
            i += Character.charCount(cp);
        }
        return letters > 0 && han * 5 >= letters ? CHINESE : ENGLISH;
    }
}
