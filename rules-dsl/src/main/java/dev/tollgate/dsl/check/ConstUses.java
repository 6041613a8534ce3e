package dev.tollgate.dsl.check;

import dev.tollgate.dsl.ast.Declaration;
import dev.tollgate.dsl.ast.Expression;
import dev.tollgate.dsl.ast.PatternDecl;
import dev.tollgate.dsl.ast.SelectItem;
import dev.tollgate.dsl.ast.Template;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which consts each rule and aggregate reads, as the checker resolved its names: the thresholds a
 * rule catalog lists next to the rule. The plan cannot say, since it inlines const values.
 */
public final class ConstUses {
  private final Analysis analysis;

  private ConstUses(Analysis analysis) {
    this.analysis = analysis;
  }

  /**
   * Rule and aggregate id → the names of the consts it reads, in order of first use (conditions,
   * then aggregates, then the alert template), in declaration order of the rules and aggregates.
   */
  public static Map<String, List<String>> of(CheckedRuleSet checked) {
    ConstUses uses = new ConstUses(checked.analysis());
    Map<String, List<String>> byId = new LinkedHashMap<>();
    for (CheckedRule rule : checked.rules()) {
      byId.put(rule.id(), uses.rule(rule.declaration()));
    }
    for (CheckedAggregate aggregate : checked.aggregates()) {
      byId.put(aggregate.id(), uses.aggregate(aggregate.declaration()));
    }
    return byId;
  }

  private List<String> rule(Declaration.RuleDecl rule) {
    Set<String> names = new LinkedHashSet<>();
    collect(rule.where(), names);
    rule.pattern().ifPresent(pattern -> {
      for (PatternDecl.Step step : pattern.steps()) {
        collect(step.condition(), names);
      }
    });
    collect(rule.having(), names);
    collect(rule.deadline(), names);
    rule.alert().ifPresent(template -> collect(template, names));
    return new ArrayList<>(names);
  }

  private List<String> aggregate(Declaration.AggregateDecl aggregate) {
    Set<String> names = new LinkedHashSet<>();
    collect(aggregate.where(), names);
    for (SelectItem item : aggregate.select()) {
      collect(item.expression(), names);
    }
    aggregate.spike().ifPresent(spike -> {
      collect(spike.condition(), names);
      spike.alert().ifPresent(template -> collect(template, names));
    });
    return new ArrayList<>(names);
  }

  private void collect(Template template, Set<String> names) {
    for (Template.Part part : template.parts()) {
      if (part instanceof Template.Placeholder placeholder) {
        collect(placeholder.expression(), names);
      }
    }
  }

  private void collect(Optional<Expression> expression, Set<String> names) {
    expression.ifPresent(e -> collect(e, names));
  }

  private void collect(Expression expression, Set<String> names) {
    if (expression == null) {
      return;
    }
    if (analysis.resolutionOf(expression) instanceof Resolution.Const constant) {
      names.add(constant.name());
      return;
    }
    for (Expression child : children(expression)) {
      collect(child, names);
    }
  }

  private static List<Expression> children(Expression expression) {
    if (expression instanceof Expression.FieldAccess e) {
      return List.of(e.base());
    } else if (expression instanceof Expression.TableLookup e) {
      return List.of(e.key());
    } else if (expression instanceof Expression.FunctionCall e) {
      return e.arguments();
    } else if (expression instanceof Expression.Unary e) {
      return List.of(e.operand());
    } else if (expression instanceof Expression.Arithmetic e) {
      return List.of(e.left(), e.right());
    } else if (expression instanceof Expression.Comparison e) {
      return List.of(e.left(), e.right());
    } else if (expression instanceof Expression.Logical e) {
      return List.of(e.left(), e.right());
    } else if (expression instanceof Expression.Not e) {
      return List.of(e.operand());
    } else if (expression instanceof Expression.Between e) {
      return List.of(e.value(), e.low(), e.high());
    } else if (expression instanceof Expression.InList e) {
      List<Expression> children = new ArrayList<>();
      children.add(e.value());
      children.addAll(e.elements());
      return children;
    } else if (expression instanceof Expression.InNamedList e) {
      return List.of(e.value());
    } else if (expression instanceof Expression.IsNull e) {
      return List.of(e.value());
    }
    return List.of();
  }
}
