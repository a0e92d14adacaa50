package taiyi.workbench.index;

import java.io.IOException;
import java.util.Arrays;
import java.util.Objects;

import org.apache.lucene.index.FilteredTermsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.util.AttributeSource;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.BytesRefBuilder;
import org.apache.lucene.util.StringHelper;

/**
 * The documents with an annotation of one state and concept, whatever its type: the
 * {@code state|type|concept} keys of {@link IndexFields#ANNOTATION} for every type the index holds.
 *
 * <p>The index has no key of a concept without its type, because it would double the concept keys,
 * the most numerous keywords of a document and most of what they cost to index. The types are
 * few, and all keys of one type are one run of the sorted terms ({@code state|type|}, see
 * {@link IndexFields#annotationKey}), so the terms enumeration seeks: from the first key of a type
 * to that type's key of the concept, then past the type; two seeks per type and segment.
 */
final class AnyTypeKeyQuery extends MultiTermQuery {

    private final String state;
    private final String concept;

    /**
     * @param state one of {@link IndexFields#STATES}
     * @param concept the lowercased bare id
     */
    AnyTypeKeyQuery(String state, String concept) {
        // scored as the term queries of the typed keys would be, like every other annotation fact
        super(IndexFields.ANNOTATION, SCORING_BOOLEAN_REWRITE);
        this.state = Objects.requireNonNull(state);
        this.concept = Objects.requireNonNull(concept);
    }

    @Override
    protected TermsEnum getTermsEnum(Terms terms, AttributeSource atts) throws IOException {
        return new TypedKeys(terms.iterator(), new BytesRef(state + '|'), new BytesRef(concept));
    }

    /** The keys {@code state|type|concept}, type by type. */
    private static final class TypedKeys extends FilteredTermsEnum {
        /** Above every byte of UTF-8: {@code prefix + PAST} sorts after every term that begins with {@code prefix}. */
        private static final byte PAST = (byte) 0xff;

        private final BytesRef statePrefix;
        private final BytesRef concept;
        private final BytesRefBuilder seek = new BytesRefBuilder();
        private BytesRef next;

        TypedKeys(TermsEnum terms, BytesRef statePrefix, BytesRef concept) {
            super(terms, true);
            this.statePrefix = statePrefix;
            this.concept = concept;
            this.next = statePrefix;
        }

        @Override
        protected BytesRef nextSeekTerm(BytesRef current) {
            BytesRef target = next;
            next = null;
            return target;
        }

        @Override
        protected AcceptStatus accept(BytesRef term) {
            if (!StringHelper.startsWith(term, statePrefix)) {
                return AcceptStatus.END;
            }
            int typeEnd = typeEnd(term);
            if (typeEnd < 0) {
                return AcceptStatus.NO;
            }
            // the key's own part after the type's bar, against the concept asked for
            int from = term.offset + typeEnd + 1;
            int cmp = Arrays.compareUnsigned(term.bytes, from, term.offset + term.length, concept.bytes, concept.offset,
                    concept.offset + concept.length);
            seek.copyBytes(term.bytes, term.offset, typeEnd + 1);
            if (cmp < 0) {
                seek.append(concept);
                next = seek.get();
                return AcceptStatus.NO_AND_SEEK;
            }
            seek.append(PAST);
            next = seek.get();
            return cmp == 0 ? AcceptStatus.YES_AND_SEEK : AcceptStatus.NO_AND_SEEK;
        }

        /** Where the type's closing bar is, relative to the term's offset: the first bar after the state that no backslash escapes. */
        private int typeEnd(BytesRef term) {
            for (int i = statePrefix.length; i < term.length; i++) {
                byte b = term.bytes[term.offset + i];
                if (b == '\\') {
                    i++;
                } else if (b == '|') {
                    return i;
                }
            }
            return -1;
        }
    }

    @Override
    public void visit(QueryVisitor visitor) {
        if (visitor.acceptField(field)) {
            visitor.visitLeaf(this);
        }
    }

    @Override
    public String toString(String defaultField) {
        return (field.equals(defaultField) ? "" : field + ":") + IndexFields.annotationKey(state, IndexFields.ANY, concept);
    }

    @Override
    public boolean equals(Object other) {
        return super.equals(other) && state.equals(((AnyTypeKeyQuery) other).state) && concept.equals(((AnyTypeKeyQuery) other).concept);
    }

    @Override
    public int hashCode() {
        return Objects.hash(super.hashCode(), state, concept);
    }
}
