/**
 * The RCP application and its branding: opens the corpus database in the workbench data folder,
 * imports the bundled sample corpus into an empty database so a first start lands on real data,
 * opens the workbench window in the curation perspective with the main menu (File, Edit, Window,
 * Help), and opens and closes the search index with the workbench.
 */
package taiyi.workbench.app;
