package taiyi.workbench.inference;

/**
 * One generated token.
 *
 * @param id the token id
 * @param logProbability natural-log probability the model gave this token when it chose it
 * @param start first char (UTF-16 index) of the generation's text this token completed
 * @param end char after the last; {@code start == end} for a token that only began a multi-byte
 *        character (its bytes are counted with the token that completes it)
 */
public record GeneratedToken(int id, double logProbability, int start, int end) {

    public GeneratedToken {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("token " + id + " has chars [" + start + ", " + end + ")");
        }
    }
}
