/**
 * The in-process learners in the workbench: the Retrain Learners command, the background job that
 * retrains a corpus's learners (cancellable, with progress, the previous models suggesting until the
 * new ones are ready), and retraining by itself after every N decisions (a preference); and the
 * learning curve: the learning record's evaluations plotted per source and round, F1 against curated
 * documents and curation hours.
 */
package taiyi.workbench.ui.learning;
