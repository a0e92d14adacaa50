/**
 * Where the workbench keeps its data on disk, shared by the UI and the headless CLI so both see
 * the same corpus database, index and native-library cache; and how what is private in it stays
 * so: folders only their owner may enter, and files and folders written owner-only and whole or
 * not at all ({@link taiyi.workbench.core.runtime.PrivateOutput}).
 */
package taiyi.workbench.core.runtime;
