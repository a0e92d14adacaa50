/**
 * The UI bundle in the platform's language: {@link taiyi.workbench.ui.l10n.Messages} holds every
 * user-visible string of the bundle's Java code, one {@code public static String} per message,
 * loaded by {@link org.eclipse.osgi.util.NLS} from {@code messages.properties} (English) and
 * {@code messages_zh.properties} (Simplified Chinese) beside it. plugin.xml's labels are in
 * {@code OSGI-INF/l10n/bundle*.properties} instead (the manifest's Bundle-Localization).
 *
 * <p>One class for the bundle, so a new string is one field and one line in each file: name it
 * {@code <Class>_<what>} after the class that shows it, write numbers and names as {@code {0}}
 * placeholders filled by {@link org.eclipse.osgi.util.NLS#bind} (a count that changes the English
 * noun gets two keys, {@code …One} and {@code …Many}), double a single quote in such a pattern, and
 * write Chinese as {@code \\uXXXX}
 * escapes (NLS reads ISO-8859-1). {@code TranslationsTest} fails when a key is in one language only.
 * {@link taiyi.workbench.ui.l10n.Messages#language()} is the language entity types are named in.
 */
package taiyi.workbench.ui.l10n;
