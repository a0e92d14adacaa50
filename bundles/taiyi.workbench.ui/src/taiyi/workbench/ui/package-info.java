/**
 * The curation workbench's UI: the perspective and the access the views and editors share to the
 * corpus database. The only bundle (with the app) that sees {@code org.eclipse.ui}, SWT and Draw2d;
 * everything it shows comes from the UI-free bundles the headless CLI uses too.
 */
package taiyi.workbench.ui;
