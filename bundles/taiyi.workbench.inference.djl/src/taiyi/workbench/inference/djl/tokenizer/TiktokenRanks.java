package taiyi.workbench.inference.djl.tokenizer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * The ordinary tokens of a tiktoken vocabulary file: one {@code base64(bytes) rank} per line, ranks
 * exactly {@code 0..n-1} (Qwen numbers its control tokens from {@code n}, so a gap or a duplicate
 * would silently shift them). A {@code .gz} file is read through gzip; CRLF line ends are accepted,
 * as copies of {@code qwen.tiktoken} checked out on Windows have them.
 */
public final class TiktokenRanks {

    private final byte[][] bytesByRank;

    private TiktokenRanks(byte[][] bytesByRank) {
        this.bytesByRank = bytesByRank;
    }

    /** Reads the file; a malformed line is refused with {@code file:line: reason}. */
    public static TiktokenRanks read(Path file) throws IOException {
        try (InputStream raw = Files.newInputStream(file);
                InputStream in = file.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16)
                        : raw;
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII),
                        1 << 16)) {
            return parse(reader, file.toString());
        }
    }

    private static TiktokenRanks parse(BufferedReader reader, String name) throws IOException {
        Map<Integer, byte[]> byRank = new HashMap<>(1 << 18);
        Map<String, Integer> lineOfToken = new HashMap<>(1 << 18);
        Map<Integer, Integer> lineOfRank = new HashMap<>(1 << 18);
        Base64.Decoder base64 = Base64.getDecoder();
        String line;
        int lineNumber = 0;
        while ((line = reader.readLine()) != null) {
            lineNumber++;
            if (line.endsWith("\r")) {
                line = line.substring(0, line.length() - 1);
            }
            if (line.isEmpty()) {
                continue;
            }
            int space = line.indexOf(' ');
            if (space <= 0 || space != line.lastIndexOf(' ') || space == line.length() - 1) {
                throw new TokenizerFileException(name, lineNumber, "expected 'base64 rank', found '" + clip(line) + "'");
            }
            String token = line.substring(0, space);
            byte[] bytes;
            try {
                bytes = base64.decode(token);
            } catch (IllegalArgumentException e) {
                throw new TokenizerFileException(name, lineNumber, "'" + clip(token) + "' is not base64: " + e.getMessage());
            }
            if (bytes.length == 0) {
                throw new TokenizerFileException(name, lineNumber, "empty token");
            }
            int rank;
            try {
                rank = Integer.parseInt(line.substring(space + 1));
            } catch (NumberFormatException e) {
                throw new TokenizerFileException(name, lineNumber, "rank '" + clip(line.substring(space + 1))
                        + "' is not a whole number");
            }
            if (rank < 0) {
                throw new TokenizerFileException(name, lineNumber, "negative rank " + rank);
            }
            Integer earlierRank = lineOfRank.putIfAbsent(rank, lineNumber);
            if (earlierRank != null) {
                throw new TokenizerFileException(name, lineNumber, "rank " + rank + " already given on line " + earlierRank);
            }
            Integer earlierToken = lineOfToken.putIfAbsent(token, lineNumber);
            if (earlierToken != null) {
                throw new TokenizerFileException(name, lineNumber, "token " + token + " already listed on line "
                        + earlierToken);
            }
            byRank.put(rank, bytes);
        }
        int n = byRank.size();
        if (n == 0) {
            throw new TokenizerFileException(name, lineNumber, "no tokens");
        }
        byte[][] bytesByRank = new byte[n][];
        for (Map.Entry<Integer, byte[]> e : byRank.entrySet()) {
            if (e.getKey() >= n) {
                throw new TokenizerFileException(name, lineOfRank.get(e.getKey()), "rank " + e.getKey()
                        + " leaves a gap: " + n + " tokens must have ranks 0.." + (n - 1));
            }
            bytesByRank[e.getKey()] = e.getValue();
        }
        return new TiktokenRanks(bytesByRank);
    }

    private static String clip(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }

    /** How many ordinary tokens; the first control token's id. */
    public int size() {
        return bytesByRank.length;
    }

    /** The bytes of the token of that rank (shared: do not modify). */
    byte[] bytes(int rank) {
        return bytesByRank[rank];
    }

    /** The ranks keyed by token bytes, as jtokkit takes them. */
    Map<byte[], Integer> asEncoder() {
        Map<byte[], Integer> encoder = new HashMap<>(bytesByRank.length * 2);
        for (int rank = 0; rank < bytesByRank.length; rank++) {
            encoder.put(bytesByRank[rank], rank);
        }
        return encoder;
    }
}
