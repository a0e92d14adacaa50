package taiyi.workbench.formats.json;

/**
 * Field names of the canonical JSON. BigBio's schema ({@code id, document_id, passages, entities,
 * events, coreferences, relations}; offsets as lists of {@code [start, end)} pairs counted in code
 * points, like Python) plus what the workbench needs to be lossless: {@code language}, {@code text},
 * {@code metadata}, {@code labels}, entity {@code attributes} and relation {@code evidence}.
 */
final class CanonicalJson {

    static final String ID = "id";
    static final String DOCUMENT_ID = "document_id";
    static final String LANGUAGE = "language";
    static final String TEXT = "text";
    static final String METADATA = "metadata";
    static final String LABELS = "labels";
    static final String PASSAGES = "passages";
    static final String ENTITIES = "entities";
    static final String EVENTS = "events";
    static final String COREFERENCES = "coreferences";
    static final String RELATIONS = "relations";
    static final String TYPE = "type";
    static final String OFFSETS = "offsets";
    static final String NORMALIZED = "normalized";
    static final String DB_NAME = "db_name";
    static final String DB_ID = "db_id";
    static final String ATTRIBUTES = "attributes";
    static final String ARG1 = "arg1_id";
    static final String ARG2 = "arg2_id";
    static final String EVIDENCE = "evidence";

    private CanonicalJson() {
    }
}
