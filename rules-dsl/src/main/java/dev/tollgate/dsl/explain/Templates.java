package dev.tollgate.dsl.explain;

import dev.tollgate.dsl.plan.TemplatePlan;

/** Alert templates printed back as the analyst wrote them, placeholders by their source text. */
final class Templates {
  private Templates() {}

  static String print(TemplatePlan template) {
    if (template == null) {
      return null;
    }
    StringBuilder out = new StringBuilder("\"");
    for (TemplatePlan.Part part : template.parts()) {
      if (part instanceof TemplatePlan.Text text) {
        out.append(text.text().replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n"));
      } else if (part instanceof TemplatePlan.Value value) {
        out.append('{').append(value.source().replace("\\", "\\\\").replace("\"", "\\\"")).append('}');
      }
    }
    return out.append('"').toString();
  }
}
