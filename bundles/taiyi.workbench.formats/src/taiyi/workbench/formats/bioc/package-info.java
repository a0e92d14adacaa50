/**
 * BioC, XML and JSON: collections of documents made of passages with their own offsets,
 * annotations with one or more locations, and relations whose nodes name annotations (or, in
 * BC5CDR, whose infons name concepts). XML is parsed with DTDs and external entities disabled.
 */
package taiyi.workbench.formats.bioc;
