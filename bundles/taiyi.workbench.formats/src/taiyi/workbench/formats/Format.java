package taiyi.workbench.formats;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import taiyi.workbench.formats.bioc.BiocJsonReader;
import taiyi.workbench.formats.bioc.BiocJsonWriter;
import taiyi.workbench.formats.bioc.BiocXmlReader;
import taiyi.workbench.formats.bioc.BiocXmlWriter;
import taiyi.workbench.formats.brat.BratReader;
import taiyi.workbench.formats.brat.BratWriter;
import taiyi.workbench.formats.cblue.CmeeeReader;
import taiyi.workbench.formats.cblue.CmeeeWriter;
import taiyi.workbench.formats.cblue.CmeieReader;
import taiyi.workbench.formats.cblue.CmeieWriter;
import taiyi.workbench.formats.conll.ConllReader;
import taiyi.workbench.formats.conll.ConllWriter;
import taiyi.workbench.formats.json.CanonicalJsonReader;
import taiyi.workbench.formats.json.CanonicalJsonWriter;
import taiyi.workbench.formats.pubtator.PubTatorReader;
import taiyi.workbench.formats.pubtator.PubTatorWriter;
import taiyi.workbench.formats.text.PlainTextReader;
import taiyi.workbench.formats.text.PlainTextWriter;
import taiyi.workbench.formats.text.TextLayout;

/** The formats the workbench reads and writes, by the names the CLI and the import wizard use. */
public enum Format {
    PUBTATOR("pubtator", ".txt", false, PubTatorReader::new, PubTatorWriter::new),
    BIOC_XML("bioc-xml", ".xml", false, BiocXmlReader::new, BiocXmlWriter::new),
    BIOC_JSON("bioc-json", ".json", false, BiocJsonReader::new, BiocJsonWriter::new),
    BRAT("brat", "", true, BratReader::new, BratWriter::new),
    CMEEE("cmeee", ".json", false, CmeeeReader::new, CmeeeWriter::new),
    CMEIE("cmeie", ".jsonl", false, CmeieReader::new, CmeieWriter::new),
    CONLL("conll", ".tsv", false, ConllReader::new, ConllWriter::new),
    JSON("json", ".jsonl", false, CanonicalJsonReader::new, CanonicalJsonWriter::new),
    TEXT("text", "", true, () -> new PlainTextReader(TextLayout.WHOLE_FILE), () -> new PlainTextWriter(TextLayout.WHOLE_FILE)),
    TEXT_LINES("text-lines", ".txt", false, () -> new PlainTextReader(TextLayout.ONE_PER_LINE),
            () -> new PlainTextWriter(TextLayout.ONE_PER_LINE));

    private final String cliName;
    private final String extension;
    private final boolean folder;
    private final Supplier<DocumentReader> reader;
    private final Supplier<DocumentWriter> writer;

    Format(String cliName, String extension, boolean folder, Supplier<DocumentReader> reader, Supplier<DocumentWriter> writer) {
        this.cliName = cliName;
        this.extension = extension;
        this.folder = folder;
        this.reader = reader;
        this.writer = writer;
    }

    /** The name on the command line, e.g. {@code bioc-xml}. */
    public String cliName() {
        return cliName;
    }

    /** The file name ending an export gets, or empty for folder formats. */
    public String extension() {
        return extension;
    }

    /** Whether an export is a folder (one file or pair per document) rather than one file. */
    public boolean writesFolder() {
        return folder;
    }

    public DocumentReader newReader() {
        return reader.get();
    }

    public DocumentWriter newWriter() {
        return writer.get();
    }

    /** The format of a CLI name, case-insensitive. */
    public static Format byName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(f -> f.cliName.equals(n)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown format '" + name + "'; known: " + names()));
    }

    /** All CLI names, comma-separated. */
    public static String names() {
        return Arrays.stream(values()).map(Format::cliName).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return cliName;
    }
}
