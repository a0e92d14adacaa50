package taiyi.workbench.inference.task;

import java.util.List;

import taiyi.workbench.core.model.EntityType;
import taiyi.workbench.core.model.LabelSchema;

/**
 * Named entity recognition instructions. The model is expected to answer one line per type,
 * {@code type：m1; m2}, as Taiyi was trained to.
 */
public final class NerInstructions extends InstructionBuilder {

    public NerInstructions() {
        super(TaskKind.NER, numbered("ner-en",
                "Extract the {types} entities from the following text:\n{text}",
                "Identify all {types} mentions in the text below.\n{text}",
                "Find the entities of these types in the text: {types}\n{text}",
                "Recognize the named entities in the following text.\n{text}\nEntity types: {types}",
                "Text: {text}\nList the {types} entities mentioned in it.",
                "Named entity recognition:\n{text}\nTypes to extract: {types}",
                "Please mark every {types} entity that appears in the text below.\n{text}",
                "Which {types} entities does the following passage mention?\n{text}",
                "Annotate the text with entities of the types {types}:\n{text}",
                "From the text below, pull out all entities belonging to {types}.\n{text}"),
                numbered("ner-zh",
                "请从以下文本中找出指定类型的实体：\n{text}\n实体类型：{types}",
                "识别下列文本中的{types}实体：\n{text}",
                "命名实体识别：\n{text}\n需要识别的实体类型：{types}",
                "阅读下面的文本，抽取其中的实体。\n{text}\n实体类别：{types}",
                "文本：{text}\n请列出其中提到的{types}。",
                "请标注下文中出现的所有{types}实体：\n“{text}”",
                "在下面这段文字里，哪些是{types}？\n{text}",
                "实体抽取任务：\n{text}\n候选实体类型：{types}",
                "给定文本：{text}\n请识别出其中的实体，实体类型包括：{types}",
                "找出下述文本中属于以下类型的实体：{types}\n{text}"));
    }

    @Override
    protected List<EntityType> types(LabelSchema schema) {
        return schema.entityTypes();
    }

    @Override
    protected String what() {
        return "entity types";
    }
}
