package taiyi.workbench.formats;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import taiyi.workbench.core.model.Document;
import taiyi.workbench.core.model.EntityMention;

/**
 * Composite mentions as BC5CDR's BioC files give them and the model keeps them: a mention with
 * attribute {@code CompositeRole=CompositeMention} ("sagittal and left transverse sinus thrombosis"),
 * followed in the document's mention order by its parts, mentions with
 * {@code CompositeRole=IndividualMention}, each with its own spans and concepts. A part's own text
 * names it in full, "sagittal sinus thrombosis" for the spans "sagittal" and "sinus thrombosis", which
 * is the document text at its spans joined by a space; where it is not (a misplaced location), the
 * file's text is kept in the part's {@link #ANNOTATION_TEXT} attribute.
 * PubTator holds the parts only as the composite's seventh column of texts; this class derives that
 * column where the parts are mentions.
 */
public final class CompositeMentions {

    /** The attribute (BioC infon) saying which role a mention plays. */
    public static final String ROLE = "CompositeRole";
    public static final String COMPOSITE = "CompositeMention";
    public static final String INDIVIDUAL = "IndividualMention";
    /** A mention's own text where the file gives one that differs from the document text at its spans. */
    public static final String ANNOTATION_TEXT = "annotation_text";

    private CompositeMentions() {
    }

    public static boolean isIndividual(EntityMention m) {
        return INDIVIDUAL.equals(m.attributes().get(ROLE));
    }

    public static boolean isComposite(EntityMention m) {
        return COMPOSITE.equals(m.attributes().get(ROLE));
    }

    /** The part's own text: its {@link #ANNOTATION_TEXT}, else the document text at its spans. */
    public static String partText(EntityMention part, String documentText) {
        return part.attributes().getOrDefault(ANNOTATION_TEXT, part.coveredText(documentText));
    }

    /**
     * Each composite mention of the document (by id) with the individual mentions that follow it, in
     * order; individual mentions that follow no composite are in no list.
     */
    public static Map<String, List<EntityMention>> partsByComposite(Document d) {
        Map<String, List<EntityMention>> parts = new LinkedHashMap<>();
        List<EntityMention> current = null;
        for (EntityMention m : d.mentions()) {
            if (isIndividual(m)) {
                if (current != null) {
                    current.add(m);
                }
            } else if (isComposite(m)) {
                current = new ArrayList<>();
                parts.put(m.id(), current);
            } else {
                current = null;
            }
        }
        return parts;
    }
}
