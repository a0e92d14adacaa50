package taiyi.workbench.inference.preannotate;

import taiyi.workbench.inference.ModelDescription;

/**
 * Where suggestions of a run come from: the model, its adapter, the prompt template and the round.
 * The recorded prompt template id is the model's template and the instruction wording together
 * ({@code taiyi1/ner-en-3}), which is what it takes to ask the same question again.
 */
record Provenance(ModelDescription model, String templateId, int round) {

    String promptTemplateId(String wordingId) {
        return templateId + "/" + wordingId;
    }
}
