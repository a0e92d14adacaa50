/**
 * The RCP application and its branding: opens the corpus database in the workbench data folder,
 * imports the bundled sample corpus into an empty database so a first start lands on real data,
 * opens the workbench window in the curation perspective with the main menu (File, Edit, Window,
 * Help), and opens and closes the search index with the workbench.
 *
 * <p>Its strings are in the platform's language: plugin.xml's in {@code OSGI-INF/l10n/bundle*.properties},
 * the Java code's in {@link taiyi.workbench.app.Messages} ({@code messages*.properties} beside it,
 * keys {@code <Class>_<what>}; the UI bundle's own are in {@code taiyi.workbench.ui.l10n}).
 */
package taiyi.workbench.app;
