package taiyi.workbench.core.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The label schemas of the corpora the workbench reads out of the box, with the display names
 * their papers and guidelines give each code in English and Chinese: CMeEE (CBLUE's clinical
 * entities), CMeIE (its relations, whose codes are already Chinese), BC5CDR and NCBI-disease.
 *
 * <p>A schema inferred from imported documents carries the bare codes; {@link #entityType} and
 * {@link #relationType} let a reader of such a schema still show {@code dis} as 疾病.
 */
public final class KnownSchemas {

    /** CMeEE: the nine entity types of the CBLUE clinical NER task. */
    public static final LabelSchema CMEEE = new LabelSchema(List.of(
            new EntityType("dis", "Disease", "疾病"),
            new EntityType("sym", "Clinical manifestation", "临床表现"),
            new EntityType("pro", "Medical procedure", "医疗程序"),
            new EntityType("equ", "Medical equipment", "医疗设备"),
            new EntityType("dru", "Drug", "药物"),
            new EntityType("ite", "Medical test item", "医学检验项目"),
            new EntityType("bod", "Body", "身体"),
            new EntityType("dep", "Department", "科室"),
            new EntityType("mic", "Microorganism", "微生物类")), List.of(), List.of());

    /** CMeIE: subject and object types and the predicates of its schema, coded in Chinese. */
    public static final LabelSchema CMEIE = new LabelSchema(List.of(
            zh("疾病", "Disease"),
            zh("症状", "Symptom"),
            zh("检查", "Examination"),
            zh("手术治疗", "Surgical treatment"),
            zh("其他治疗", "Other treatment"),
            zh("药物", "Drug"),
            zh("部位", "Body part"),
            zh("流行病学", "Epidemiology"),
            zh("社会学", "Sociology"),
            zh("预后", "Prognosis"),
            zh("其他", "Other")), List.of(
            zh("预防", "Prevention"),
            zh("阶段", "Stage"),
            zh("就诊科室", "Department to visit"),
            zh("同义词", "Synonym"),
            zh("辅助治疗", "Adjuvant therapy"),
            zh("化疗", "Chemotherapy"),
            zh("放射治疗", "Radiotherapy"),
            zh("手术治疗", "Surgical treatment"),
            zh("实验室检查", "Laboratory test"),
            zh("影像学检查", "Imaging examination"),
            zh("辅助检查", "Auxiliary examination"),
            zh("组织学检查", "Histological examination"),
            zh("内窥镜检查", "Endoscopy"),
            zh("筛查", "Screening"),
            zh("多发群体", "Susceptible population"),
            zh("发病率", "Incidence"),
            zh("发病年龄", "Age of onset"),
            zh("多发地区", "Prevalent region"),
            zh("发病性别倾向", "Sex predilection"),
            zh("死亡率", "Mortality"),
            zh("多发季节", "Prevalent season"),
            zh("传播途径", "Route of transmission"),
            zh("并发症", "Complication"),
            zh("病理分型", "Pathological type"),
            zh("相关（导致）", "Related (causes)"),
            zh("鉴别诊断", "Differential diagnosis"),
            zh("相关（转化）", "Related (transforms into)"),
            zh("相关（症状）", "Related (symptom)"),
            zh("临床表现", "Clinical manifestation"),
            zh("治疗后症状", "Symptom after treatment"),
            zh("侵及周围组织转移的症状", "Symptom of invasion or metastasis"),
            zh("病因", "Cause"),
            zh("高危因素", "High-risk factor"),
            zh("风险评估因素", "Risk assessment factor"),
            zh("病史", "Medical history"),
            zh("遗传因素", "Genetic factor"),
            zh("发病机制", "Pathogenesis"),
            zh("病理生理", "Pathophysiology"),
            zh("药物治疗", "Drug treatment"),
            zh("发病部位", "Site of onset"),
            zh("转移部位", "Site of metastasis"),
            zh("外侵部位", "Site of invasion"),
            zh("预后状况", "Prognosis"),
            zh("预后生存率", "Survival rate")), List.of());

    /** BC5CDR: chemicals, diseases and the chemical-induced-disease relation. */
    public static final LabelSchema BC5CDR = new LabelSchema(List.of(
            new EntityType("Chemical", "Chemical", "化学物质"),
            new EntityType("Disease", "Disease", "疾病")), List.of(
            new EntityType("CID", "Chemical-induced disease", "化学物质诱发疾病")), List.of());

    /** NCBI-disease: its four disease mention classes. */
    public static final LabelSchema NCBI_DISEASE = new LabelSchema(List.of(
            new EntityType("SpecificDisease", "Specific disease", "特定疾病"),
            new EntityType("DiseaseClass", "Disease class", "疾病类别"),
            new EntityType("Modifier", "Modifier", "修饰语"),
            new EntityType("CompositeMention", "Composite mention", "复合提及")), List.of(), List.of());

    private static final List<LabelSchema> ALL = List.of(CMEEE, CMEIE, BC5CDR, NCBI_DISEASE);

    private KnownSchemas() {
    }

    /** All known schemas, in the order above. */
    public static List<LabelSchema> all() {
        return ALL;
    }

    /** The entity type a known schema names {@code code}, with its display names. */
    public static Optional<EntityType> entityType(String code) {
        return first(code, true);
    }

    /** The relation type a known schema names {@code code}, with its display names. */
    public static Optional<EntityType> relationType(String code) {
        return first(code, false);
    }

    /**
     * {@code schema} with every type it carries as a bare code given the display names of a known
     * schema; types with names of their own, and codes no known schema has, are kept as they are.
     */
    public static LabelSchema named(LabelSchema schema) {
        return new LabelSchema(name(schema.entityTypes(), true), name(schema.relationTypes(), false),
                schema.documentLabels());
    }

    private static List<EntityType> name(List<EntityType> types, boolean entities) {
        List<EntityType> out = new ArrayList<>(types.size());
        for (EntityType t : types) {
            out.add(t.hasDisplayNames() ? t : first(t.name(), entities).orElse(t));
        }
        return out;
    }

    private static Optional<EntityType> first(String code, boolean entities) {
        for (LabelSchema s : ALL) {
            Optional<EntityType> found = (entities ? s.entityTypes() : s.relationTypes()).stream()
                    .filter(t -> t.name().equals(code)).findFirst();
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private static EntityType zh(String code, String english) {
        return new EntityType(code, english, code);
    }
}
