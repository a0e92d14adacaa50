/**
 * The RCP application and its branding: opens the corpus database in the workbench data folder,
 * imports the bundled sample corpus into an empty database so a first start lands on real data,
 * and opens the workbench window in the curation perspective.
 */
package taiyi.workbench.app;
