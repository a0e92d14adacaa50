package taiyi.workbench.inference.task;

import java.util.List;

import taiyi.workbench.core.model.EntityType;
import taiyi.workbench.core.model.LabelSchema;

/**
 * Relation extraction instructions over all the schema's relation types at once. The model is
 * expected to answer {@code TYPE: [head, tail]; [head, tail]} lines (or {@code (head, tail, type)}
 * triples, Taiyi's CMeIE form).
 */
public final class RelationInstructions extends InstructionBuilder {

    public RelationInstructions() {
        super(TaskKind.RE, numbered("re-en",
                "Find the relations between entity pairs in the following text:\n{text}\nRelation types: {types}",
                "Extract the entity pairs that stand in one of these relations: {types}\n{text}",
                "Relation extraction:\n{text}\nRelation types to consider: {types}",
                "Which entity pairs in the text below are related, and how? Relation types: {types}\n{text}",
                "List every pair of entities linked by a {types} relation in this text:\n{text}",
                "Text: {text}\nReturn the entity pairs for each relation type: {types}",
                "Identify the {types} relations expressed in the following passage:\n{text}",
                "From the text below, extract all entity pairs with their relation ({types}).\n{text}"),
                numbered("re-zh",
                "找出下面文本中具有指定关系的实体对：\n{text}\n关系类型：{types}",
                "关系抽取：\n{text}\n候选关系类型：{types}",
                "请给出句子中存在{types}关系的实体对：{text}",
                "阅读下文，抽取满足以下关系类型的实体对：{types}\n{text}",
                "文本：{text}\n请按关系类型（{types}）列出其中的实体对。",
                "下面的文本中有哪些实体对之间存在{types}关系？\n{text}",
                "请从下述文本中识别实体之间的关系，关系类型包括：{types}\n“{text}”",
                "抽取以下文本中的关系三元组，关系类型：{types}\n{text}"));
    }

    @Override
    protected List<EntityType> types(LabelSchema schema) {
        return schema.relationTypes();
    }

    @Override
    protected String what() {
        return "relation types";
    }
}
