/** Plain text: a whole file as one document, or one document per line. */
package taiyi.workbench.formats.text;
