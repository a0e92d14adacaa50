/**
 * The workbench's canonical, lossless JSON: BigBio-style documents (passages, entities with offset
 * lists and normalisations, relations) extended with the full text, language, metadata, labels and
 * mention attributes, one document per line (JSON Lines).
 */
package taiyi.workbench.formats.json;
