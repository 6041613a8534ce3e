package dev.tollgate.dsl.check;

import dev.tollgate.dsl.ast.Template;
import dev.tollgate.dsl.types.ValueType;

/** Alert templates: each {@code {expr}} placeholder is type-checked in the rule's alert scope. */
final class TemplateChecker {
  private final CheckContext context;
  private final ExpressionChecker expressions;

  TemplateChecker(CheckContext context, ExpressionChecker expressions) {
    this.context = context;
    this.expressions = expressions;
  }

  void check(Template template, Scope scope) {
    for (Template.Part part : template.parts()) {
      if (part instanceof Template.Placeholder placeholder) {
        ValueType type = expressions.check(placeholder.expression(), scope);
        if (type == ValueType.NULL) {
          context.error(placeholder.expression().span(), "placeholder {null} always renders as null");
        }
      }
    }
  }
}
