/** The corpus navigator: corpora and their documents, straight from the database. */
package taiyi.workbench.ui.navigator;
