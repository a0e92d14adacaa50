package taiyi.workbench.formats.cblue;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonToken;

import taiyi.workbench.formats.FormatException;

/**
 * One CBLUE sentence object as the file gives it: {@code text}, an optional {@code id} and one list
 * of annotations ({@code entities} in CMeEE, {@code spo_list} in CMeIE); other fields are skipped.
 *
 * @param <T> what an annotation of the list is read into
 * @param at where the object starts
 * @param id its id, or the generated one
 * @param text its text
 * @param items the annotations, in file order
 */
record CblueSentence<T>(JsonLocation at, String id, String text, List<T> items) {

    /** Reads one annotation of the list, the parser standing on its first token. */
    @FunctionalInterface
    interface ItemReader<T> {
        T read(JsonInput in) throws FormatException;
    }

    static <T> CblueSentence<T> read(JsonInput in, String generatedId, String listField, ItemReader<T> itemReader)
            throws FormatException {
        in.expect(JsonToken.START_OBJECT, "a sentence object");
        JsonLocation at = in.location();
        String id = generatedId;
        String text = null;
        List<T> items = new ArrayList<>();
        while (in.next() == JsonToken.FIELD_NAME) {
            String field = in.fieldName();
            in.next();
            if (field.equals("text")) {
                text = in.string("text");
            } else if (field.equals("id")) {
                id = in.id();
            } else if (field.equals(listField)) {
                in.expect(JsonToken.START_ARRAY, listField + " as an array");
                while (in.next() != JsonToken.END_ARRAY) {
                    items.add(itemReader.read(in));
                }
            } else {
                in.skipValue();
            }
        }
        if (text == null) {
            throw in.error(at, "sentence has no text");
        }
        return new CblueSentence<>(at, id, text, items);
    }
}
