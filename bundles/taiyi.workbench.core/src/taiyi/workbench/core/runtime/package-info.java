/**
 * Where the workbench keeps its data on disk, shared by the UI and the headless CLI so both see
 * the same corpus database, index and native-library cache.
 */
package taiyi.workbench.core.runtime;
