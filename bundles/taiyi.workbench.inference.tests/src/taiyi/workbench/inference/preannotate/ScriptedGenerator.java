package taiyi.workbench.inference.preannotate;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.BooleanSupplier;

import taiyi.workbench.inference.Generation;
import taiyi.workbench.inference.GenerationListener;
import taiyi.workbench.inference.GenerationOptions;
import taiyi.workbench.inference.ModelDescription;
import taiyi.workbench.inference.Prompt;
import taiyi.workbench.inference.PromptTemplate;
import taiyi.workbench.inference.TextGenerator;
import taiyi.workbench.inference.prompt.ChatMlTemplate;

/**
 * A test double of the engine that gives prepared generations, tokens and stop reasons included,
 * in order, one per prompt, and records the prompts it was asked.
 */
final class ScriptedGenerator implements TextGenerator {

    private final Deque<Generation> script;
    final List<Prompt> prompts = new ArrayList<>();
    final List<Integer> batchSizes = new ArrayList<>();

    ScriptedGenerator(List<Generation> script) {
        this.script = new ArrayDeque<>(script);
    }

    @Override
    public ModelDescription description() {
        return new ModelDescription("DUTIR-BioNLP/Taiyi-LLM", "adapter-r2", "cpu");
    }

    @Override
    public PromptTemplate template() {
        return new ChatMlTemplate();
    }

    @Override
    public List<Generation> generate(List<Prompt> batch, GenerationOptions options, GenerationListener listener,
            BooleanSupplier cancelled) {
        batchSizes.add(batch.size());
        prompts.addAll(batch);
        List<Generation> out = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            if (script.isEmpty()) {
                throw new IllegalStateException("the script has no answer for prompt " + prompts.size());
            }
            out.add(script.removeFirst());
        }
        return out;
    }

    @Override
    public void close() {
    }
}
