/**
 * The headless command line, {@code releng/taiyi}: every step of the curation loop from a shell,
 * on exactly the code the workbench UI uses. Each command prints a one-line summary last and exits
 * non-zero with {@code file:line: reason} on bad input.
 */
package taiyi.workbench.cli;
