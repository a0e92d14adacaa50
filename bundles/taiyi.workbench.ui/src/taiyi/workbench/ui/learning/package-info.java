/**
 * The learning curve in the workbench: the learning record's evaluations plotted per source and round,
 * F1 against curated documents and curation hours.
 */
package taiyi.workbench.ui.learning;
