package dev.tollgate.engine.eval;

import dev.tollgate.dsl.plan.TemplatePlan;
import dev.tollgate.dsl.types.ValueType;

/**
 * An alert message template compiled once per rule: literal text and compiled placeholders.
 * Rendering reuses one {@link StringBuilder}, so a renderer belongs to one operator instance and
 * is not thread-safe (Flink calls an operator from one thread).
 */
public final class TemplateRenderer {
  private final String[] texts;
  private final Evaluator[] values;
  private final ValueType[] types;
  private final StringBuilder buffer = new StringBuilder(128);

  public TemplateRenderer(TemplatePlan template, ExpressionCompiler compiler) {
    int n = template.parts().size();
    texts = new String[n];
    values = new Evaluator[n];
    types = new ValueType[n];
    for (int i = 0; i < n; i++) {
      TemplatePlan.Part part = template.parts().get(i);
      if (part instanceof TemplatePlan.Text text) {
        texts[i] = text.text();
      } else {
        TemplatePlan.Value value = (TemplatePlan.Value) part;
        values[i] = compiler.compile(value.expression());
        types[i] = value.expression().type();
      }
    }
  }

  /** The message for the match {@code context} describes. */
  public String render(EvalContext context) {
    StringBuilder out = buffer;
    out.setLength(0);
    for (int i = 0; i < texts.length; i++) {
      if (texts[i] != null) {
        out.append(texts[i]);
      } else {
        ValueFormat.append(out, values[i].evaluate(context), types[i]);
      }
    }
    return out.toString();
  }
}
