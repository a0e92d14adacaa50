package taiyi.workbench.inference.parse;

import java.util.List;

/**
 * What a parser read from one answer.
 *
 * @param items the items, in the order written, each once
 * @param problems what could not be read, one message per line or item ({@code line 3: …})
 */
public record ParseResult<T>(List<T> items, List<String> problems) {

    public ParseResult {
        items = List.copyOf(items);
        problems = List.copyOf(problems);
    }
}
