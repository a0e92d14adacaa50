package taiyi.workbench.formats.bioc;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import taiyi.workbench.core.model.Document;
import taiyi.workbench.formats.AtomicOutput;
import taiyi.workbench.formats.DocumentWriter;
import taiyi.workbench.formats.FormatException;
import taiyi.workbench.formats.bioc.BiocCollection.BiocAnnotation;
import taiyi.workbench.formats.bioc.BiocCollection.BiocDocument;
import taiyi.workbench.formats.bioc.BiocCollection.BiocLocation;
import taiyi.workbench.formats.bioc.BiocCollection.BiocNode;
import taiyi.workbench.formats.bioc.BiocCollection.BiocPassage;
import taiyi.workbench.formats.bioc.BiocCollection.BiocRelation;

/**
 * Writes documents as one BioC XML file, laid out as NCBI's BC5CDR file is (DOCTYPE naming
 * {@code BioC.dtd}, one element per line), so that {@link BiocXmlReader} reads back equal documents.
 * Characters XML 1.0 cannot hold make the document inexpressible; carriage returns are written as
 * character references because XML parsers turn literal ones into line feeds.
 */
public final class BiocXmlWriter implements DocumentWriter {

    static final String PROLOGUE = "<?xml version='1.0' encoding='UTF-8'?><!DOCTYPE collection SYSTEM 'BioC.dtd'>";

    @Override
    public void write(List<Document> documents, Path target) throws IOException, FormatException {
        BiocCollection collection = BiocDocumentMapper.toCollection(target, documents);
        AtomicOutput.writeText(target, out -> new Output(target, out).collection(collection));
    }

    private static final class Output {
        final Path target;
        final BufferedWriter out;
        String documentId = "";

        Output(Path target, BufferedWriter out) {
            this.target = target;
            this.out = out;
        }

        void collection(BiocCollection c) throws IOException, FormatException {
            out.write(PROLOGUE);
            out.write("\n<collection>\n");
            element("source", c.source());
            element("date", c.date());
            element("key", c.key());
            infons(c.infons());
            for (BiocDocument d : c.documents()) {
                documentId = d.id();
                out.write("<document>\n");
                element("id", d.id());
                infons(d.infons());
                for (BiocPassage p : d.passages()) {
                    out.write("<passage>\n");
                    infons(p.infons());
                    element("offset", Integer.toString(p.offset()));
                    element("text", p.text());
                    for (BiocAnnotation a : p.annotations()) {
                        annotation(a);
                    }
                    out.write("</passage>\n");
                }
                for (BiocRelation r : d.relations()) {
                    relation(r);
                }
                out.write("</document>\n");
            }
            out.write("</collection>\n");
        }

        private void annotation(BiocAnnotation a) throws IOException, FormatException {
            out.write("<annotation id='" + escape(a.id(), true) + "'>\n");
            infons(a.infons());
            for (BiocLocation l : a.locations()) {
                out.write("<location offset='" + l.offset() + "' length='" + l.length() + "' />\n");
            }
            element("text", a.text());
            out.write("</annotation>\n");
        }

        private void relation(BiocRelation r) throws IOException, FormatException {
            out.write("<relation id='" + escape(r.id(), true) + "'>\n");
            infons(r.infons());
            for (BiocNode n : r.nodes()) {
                out.write("<node refid='" + escape(n.refid(), true) + "' role='" + escape(n.role(), true) + "' />\n");
            }
            out.write("</relation>\n");
        }

        private void infons(Map<String, String> infons) throws IOException, FormatException {
            for (var e : infons.entrySet()) {
                out.write("<infon key=\"" + escape(e.getKey(), true) + "\">" + escape(e.getValue(), false) + "</infon>\n");
            }
        }

        private void element(String name, String content) throws IOException, FormatException {
            out.write("<" + name + ">" + escape(content, false) + "</" + name + ">\n");
        }

        /**
         * Escapes markup characters; in attributes also tab and line feed, which attribute value
         * normalisation would turn into spaces.
         */
        private String escape(String s, boolean attribute) throws FormatException {
            StringBuilder b = new StringBuilder(s.length() + 16);
            for (int i = 0; i < s.length(); ) {
                int cp = s.codePointAt(i);
                switch (cp) {
                    case '&' -> b.append("&amp;");
                    case '<' -> b.append("&lt;");
                    case '>' -> b.append("&gt;");
                    case '"' -> b.append("&quot;");
                    case '\'' -> b.append("&apos;");
                    case '\r' -> b.append("&#13;");
                    case '\t' -> b.append(attribute ? "&#9;" : "\t");
                    case '\n' -> b.append(attribute ? "&#10;" : "\n");
                    default -> {
                        if (!isXmlChar(cp)) {
                            throw new FormatException(target, 0, "document " + documentId
                                    + " cannot be expressed in BioC XML: it holds character U+"
                                    + String.format("%04X", cp) + ", which XML 1.0 forbids");
                        }
                        b.appendCodePoint(cp);
                    }
                }
                i += Character.charCount(cp);
            }
            return b.toString();
        }

        private static boolean isXmlChar(int cp) {
            return cp >= 0x20 && cp <= 0xD7FF || cp >= 0xE000 && cp <= 0xFFFD || cp >= 0x10000 && cp <= 0x10FFFF;
        }
    }
}
