/**
 * The PubTator text format of NCBI's corpora (NCBI-disease, BC5CDR), read and written:
 * {@code PMID|t|title} and {@code PMID|a|abstract} lines, tab-separated mention lines
 * {@code PMID start end text type concept}, document-level relation lines
 * {@code PMID type concept1 concept2}, and a blank line between documents.
 */
package taiyi.workbench.formats.pubtator;
