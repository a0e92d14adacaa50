/**
 * Plain text: a whole file as one document, or one document per line. Also the pieces other
 * per-file formats share: strict UTF-8 decoding that names the line of a bad byte
 * ({@link taiyi.workbench.formats.text.Utf8File}) and safe file names for document ids
 * ({@link taiyi.workbench.formats.text.DocumentFileName}).
 */
package taiyi.workbench.formats.text;
