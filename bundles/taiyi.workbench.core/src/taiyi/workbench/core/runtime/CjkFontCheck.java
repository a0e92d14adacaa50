package taiyi.workbench.core.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Whether some installed font covers Chinese ideographs, asked of fontconfig ({@code fc-list
 * :lang=zh family}), the font database GTK's text renderer (Pango) falls back through: when it
 * knows no such font, every ideograph of a CMeEE or CMeIE document is drawn as a box. The answer
 * is {@link Coverage#UNKNOWN} where fontconfig cannot be asked (no {@code fc-list}, a timeout).
 */
public final class CjkFontCheck {

    /** The Debian/Ubuntu package a curator is told to install. */
    public static final String SUGGESTED_PACKAGE = "fonts-noto-cjk";

    /** What the check found. */
    public enum Coverage { COVERED, MISSING, UNKNOWN }

    /**
     * The outcome: the families found (empty unless covered) and, when unknown, why.
     */
    public record Result(Coverage coverage, List<String> families, String detail) {
        public Result {
            Objects.requireNonNull(coverage, "coverage");
            families = List.copyOf(families);
        }

        /** The one-line notice a curator gets when no font covers Chinese. */
        public String notice() {
            return "No installed font covers Chinese characters, so Chinese text is drawn as boxes; install one "
                    + "(on Debian or Ubuntu: sudo apt-get install " + SUGGESTED_PACKAGE + ") and restart the workbench.";
        }
    }

    private static final long TIMEOUT_SECONDS = 10;

    private final String fcList;

    /** Asks the {@code fc-list} on the PATH. */
    public CjkFontCheck() {
        this("fc-list");
    }

    /** Asks the given {@code fc-list} executable. */
    public CjkFontCheck(String fcList) {
        this.fcList = Objects.requireNonNull(fcList, "fcList");
    }

    public Result run() {
        Process process;
        try {
            process = new ProcessBuilder(fcList, ":lang=zh", "family").redirectErrorStream(true).start();
        } catch (IOException e) {
            return new Result(Coverage.UNKNOWN, List.of(), "cannot run " + fcList + ": " + e.getMessage());
        }
        // read on another thread, so a fontconfig that hangs cannot hold the caller past the timeout
        CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
        try {
            process.getOutputStream().close();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new Result(Coverage.UNKNOWN, List.of(), fcList + " did not answer within " + TIMEOUT_SECONDS + " s");
            }
            String text = output.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (process.exitValue() != 0) {
                return new Result(Coverage.UNKNOWN, List.of(), fcList + " exited with status " + process.exitValue() + ": "
                        + text.strip());
            }
            List<String> families = text.lines().map(String::strip).filter(l -> !l.isEmpty()).distinct().sorted().toList();
            return families.isEmpty() ? new Result(Coverage.MISSING, families, "fontconfig knows no font for :lang=zh")
                    : new Result(Coverage.COVERED, families, families.size() + " families");
        } catch (IOException | ExecutionException | TimeoutException e) {
            process.destroyForcibly();
            return new Result(Coverage.UNKNOWN, List.of(), "cannot read the answer of " + fcList + ": " + e.getMessage());
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            return new Result(Coverage.UNKNOWN, List.of(), "interrupted");
        }
    }

    private static String readAll(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
