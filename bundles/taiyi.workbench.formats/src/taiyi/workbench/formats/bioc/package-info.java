/**
 * BioC, XML and JSON: collections of documents made of passages with their own offsets,
 * annotations with one or more locations, and relations whose nodes name annotations (or, in
 * BC5CDR, whose infons name concepts). XML is parsed with DTDs and external entities disabled.
 * Both syntaxes read into and write from one structure, {@code BiocCollection}, and share one
 * mapping to the model, {@code BiocDocumentMapper}; BioC offsets count code points.
 */
package taiyi.workbench.formats.bioc;
