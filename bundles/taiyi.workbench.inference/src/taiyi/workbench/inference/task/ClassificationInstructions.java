package taiyi.workbench.inference.task;

import java.util.List;

import taiyi.workbench.core.model.EntityType;
import taiyi.workbench.core.model.LabelSchema;

/**
 * Text classification instructions over the schema's document labels. The model is expected to
 * answer {@code Result: X} or {@code 上述文本被分类为：X}.
 */
public final class ClassificationInstructions extends InstructionBuilder {

    public ClassificationInstructions() {
        super(TaskKind.TC, numbered("tc-en",
                "Classify the following text into one of the given labels:\n\"{text}\"\nLabels: {types}",
                "Assign the text below to the appropriate category.\n{text}\nCategories: {types}",
                "Text classification:\n{text}\nCandidate labels: {types}",
                "Which of these labels describe the following text? {types}\n{text}",
                "Document triage for the text below; choose from: {types}\n{text}",
                "Read the text and give its label ({types}).\n{text}",
                "Text: \"{text}\"\nPick the matching label or labels from: {types}",
                "Categorize the following passage. Possible labels: {types}\n{text}"),
                numbered("tc-zh",
                "请将下面的文本归入指定类别：\n“{text}”\n类别选项：{types}",
                "文本分类：\n{text}\n候选类别：{types}",
                "阅读以下文本，判断它属于哪一类：{types}\n{text}",
                "{text}\n请把上面的文本分到以下类别中：{types}",
                "下面这段文字应归为哪个类别？类别：{types}\n“{text}”",
                "请对下述句子进行分类：“{text}”\n可选类别：{types}",
                "给定文本：{text}\n从这些类别中选出合适的标签：{types}",
                "对以下内容进行文本分类，类别包括：{types}\n{text}"));
    }

    @Override
    protected List<EntityType> types(LabelSchema schema) {
        return schema.documentLabels();
    }

    @Override
    protected String what() {
        return "document labels";
    }
}
