/**
 * The Search view: a curator's query on one corpus through the workbench's index, facet counts,
 * and the hits as keyword-in-context lines that open the document at the hit.
 */
package taiyi.workbench.ui.search;
