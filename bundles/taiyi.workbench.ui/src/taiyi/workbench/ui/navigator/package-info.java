/**
 * The corpus navigator: corpora and their documents straight from the database, with curation
 * state, curated mentions and open suggestions, filtered by state and refreshed whenever the store
 * commits a change.
 */
package taiyi.workbench.ui.navigator;
