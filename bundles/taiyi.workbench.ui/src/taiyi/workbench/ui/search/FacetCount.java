package taiyi.workbench.ui.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import taiyi.workbench.index.FacetCounts;

/**
 * One facet value and how many matching documents have it, with the query field that selects it.
 *
 * @param field the curator query field ({@code type}, {@code status}, {@code lang})
 * @param value the value, e.g. {@code Disease}
 * @param documents matching documents with it
 */
public record FacetCount(String field, String value, int documents) {

    /** The counts by field, most frequent value first. */
    public static List<FacetCount> of(FacetCounts result) {
        List<FacetCount> out = new ArrayList<>();
        add(out, "type", result.types());
        add(out, "status", result.statuses());
        add(out, "lang", result.languages());
        return out;
    }

    private static void add(List<FacetCount> out, String field, Map<String, Integer> counts) {
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> out.add(new FacetCount(field, e.getKey(), e.getValue())));
    }

    /** The clause that narrows a query to this value, quoted when the value has spaces. */
    public String clause() {
        return field + ":" + (value.matches("\\S+") ? value : "\"" + value + "\"");
    }
}
