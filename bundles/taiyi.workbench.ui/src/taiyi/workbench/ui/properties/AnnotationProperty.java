package taiyi.workbench.ui.properties;

/**
 * One row of the Annotation view.
 *
 * @param name what the row says (Type, Spans, Model, a history entry's position…)
 * @param value its value as shown
 */
public record AnnotationProperty(String name, String value) {
}
