package taiyi.workbench.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import taiyi.workbench.core.model.Document;
import taiyi.workbench.formats.Format;
import taiyi.workbench.bench.tokenizer.TokenizerBenchmark;

/**
 * {@code taiyi bench tokenizer}: load time of a Qwen vocabulary and encode/decode throughput on the
 * texts of real corpus files (English abstracts, Chinese clinical sentences).
 */
@Command(name = "tokenizer", description = "Qwen tokenizer load time and encode/decode throughput on real corpus texts.")
final class TokenizerBenchmarkCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--vocabulary", required = true, paramLabel = "FILE",
            description = "qwen.tiktoken (or .gz), or a model folder holding it.")
    Path vocabulary;

    @Option(names = "--format", required = true, paramLabel = "F",
            description = "Format of the text files (e.g. pubtator, cmeee).")
    String format;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Corpus files whose document texts are encoded.")
    List<Path> files;

    @Override
    public Integer call() throws Exception {
        Format reader;
        try {
            reader = Format.byName(format);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        List<String> texts = new ArrayList<>();
        for (Path f : files) {
            reader.newReader().read(f).stream().map(Document::text).forEach(texts::add);
        }
        TokenizerBenchmark.run(vocabulary, texts, spec.commandLine().getOut());
        return 0;
    }
}
