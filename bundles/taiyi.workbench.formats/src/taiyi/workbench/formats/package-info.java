/**
 * Reading and writing external annotation formats. A reader yields whole, validated documents or
 * fails with a {@link taiyi.workbench.formats.FormatException} naming the file and line; it never
 * returns part of a file.
 */
package taiyi.workbench.formats;
