package dev.tollgate.dsl.check;

import dev.tollgate.dsl.ast.Declaration.RuleDecl;
import dev.tollgate.dsl.ast.PatternDecl;
import dev.tollgate.dsl.plan.Mode;
import dev.tollgate.dsl.plan.Severity;
import dev.tollgate.dsl.types.ValueType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Pattern rules: steps (aliases unique, absence never first, sane repeat bounds), a key present in
 * every step's event type, exactly one of {@code within} and {@code deadline} (the latter only
 * after a final absence, and a timestamp over earlier steps), conditions and the alert.
 */
final class PatternChecker {
  /** Above this a repeat bound is almost certainly a typo, and would keep that many events per key. */
  static final int MAX_REPEAT = 1_000;

  private final CheckContext context;
  private final ExpressionChecker expressions;
  private final KeyChecker keys;

  PatternChecker(CheckContext context, ExpressionChecker expressions, KeyChecker keys) {
    this.context = context;
    this.expressions = expressions;
    this.keys = keys;
  }

  CheckedRule check(RuleDecl rule, Severity severity, Mode mode, TemplateChecker templates) {
    PatternDecl pattern = rule.pattern().get();
    rule.on().ifPresent(on -> context.error(on.span(),
        "'on' in a pattern rule: the steps name their event types (probe: Payment where ...)"));
    rule.where().ifPresent(where -> context.error(where.span(),
        "'where' in a pattern rule: put conditions on the steps (probe: Payment where ...)"));
    rule.window().ifPresent(window -> context.error(window.span(),
        "'window' in a pattern rule: a pattern is bounded by 'within'"));
    rule.having().ifPresent(having -> context.error(having.span(),
        "'having' in a pattern rule: conditions on earlier steps go in the step conditions (count(step) >= 3)"));
    List<CheckedRule.Step> steps = steps(pattern);
    boolean endsInAbsence = !steps.isEmpty() && steps.get(steps.size() - 1).absent();
    bounds(rule, endsInAbsence);

    List<EventType> types = new ArrayList<>();
    for (CheckedRule.Step step : steps) {
      types.add(step.eventType());
    }
    List<KeyField> keyFields = null;
    if (rule.key().isEmpty()) {
      context.error(pattern.span(), "pattern without 'key': say what the pattern is matched per, e.g. 'key cardId'");
    } else {
      keyFields = keys.check(rule.key(), types, "key");
    }

    List<Scope.Step> visible = new ArrayList<>();
    for (CheckedRule.Step step : steps) {
      PatternDecl.Step declaration = step.declaration();
      if (step.eventType() != null && declaration.condition().isPresent()) {
        String clause = step.alias() == null ? "the condition of an absence" : "the condition of step '" + step.alias() + "'";
        Scope scope = Scope.row(clause, step.eventType()).withSteps(visible).withAggregates(Scope.Aggregates.STEPS);
        expressions.condition(declaration.condition().get(), scope);
      }
      if (!step.absent()) {
        visible.add(new Scope.Step(step.alias(), step.index(), step.eventType()));
      }
    }
    List<KeyField> readableKeys = keyFields == null ? List.of() : keyFields;
    if (endsInAbsence && rule.deadline().isPresent()) {
      Scope scope = new Scope("deadline", null, readableKeys, visible, Scope.Aggregates.STEPS, List.of());
      ValueType type = expressions.check(rule.deadline().get(), scope);
      if (type != null && type != ValueType.TIMESTAMP) {
        context.error(rule.deadline().get().span(), "deadline must be a timestamp, got " + type.keyword()
            + (type == ValueType.DURATION ? "; for a span after the previous step use 'within'" : ""));
      }
    }
    Scope alert = new Scope("the alert", null, readableKeys, visible, Scope.Aggregates.STEPS, List.of());
    rule.alert().ifPresent(template -> templates.check(template, alert));
    if (keyFields == null || steps.stream().anyMatch(s -> s.eventType() == null)) {
      return null;
    }
    return new CheckedRule(rule, CheckedRule.BodyKind.PATTERN, null, keyFields, steps, severity, mode);
  }

  private void bounds(RuleDecl rule, boolean endsInAbsence) {
    if (rule.within().isPresent() && rule.deadline().isPresent()) {
      context.error(rule.deadline().get().span(), "give either 'within' or 'deadline', not both");
    } else if (rule.within().isEmpty() && rule.deadline().isEmpty()) {
      context.error(rule.pattern().get().span(), "pattern without 'within': every pattern needs a time bound"
          + (endsInAbsence ? " ('within <duration>' or 'deadline <timestamp>')" : " ('within <duration>')"));
    }
    rule.within().ifPresent(within -> {
      if (within.millis() <= 0) {
        context.error(within.span(), within.millis() == 0 ? "within must be longer than 0" : "duration too large: " + within.text());
      }
    });
    if (rule.deadline().isPresent() && !endsInAbsence) {
      context.error(rule.deadline().get().span(), "'deadline' needs a pattern that ends with 'then not'; use 'within'");
    }
  }

  private List<CheckedRule.Step> steps(PatternDecl pattern) {
    List<CheckedRule.Step> steps = new ArrayList<>();
    Map<String, PatternDecl.EventStep> aliases = new HashMap<>();
    boolean anyRequired = false;
    for (PatternDecl.Step step : pattern.steps()) {
      int index = steps.size();
      EventType type = eventType(step);
      if (step instanceof PatternDecl.AbsentStep absent) {
        if (index == 0) {
          context.error(absent.span(), "a pattern cannot start with an absence ('not'): absence is measured after an earlier step");
        } else if (steps.get(index - 1).absent()) {
          context.error(absent.span(), "two absences in a row: combine them into one 'then not' with 'or'");
        }
        steps.add(new CheckedRule.Step(null, index, type, step, 1, 1, true));
        continue;
      }
      PatternDecl.EventStep event = (PatternDecl.EventStep) step;
      String alias = event.alias().value();
      PatternDecl.EventStep earlier = aliases.putIfAbsent(alias, event);
      if (earlier != null) {
        context.error(event.alias().span(), "duplicate step '" + alias + "' in this pattern (first at "
            + earlier.alias().span().location() + ")");
      }
      int min = 1;
      int max = 1;
      if (event.quantifier().isPresent()) {
        PatternDecl.Quantifier quantifier = event.quantifier().get();
        min = quantifier.min();
        max = quantifier.max().orElse(-1);
        checkQuantifier(quantifier);
      }
      anyRequired |= min > 0;
      steps.add(new CheckedRule.Step(alias, index, type, step, min, max, false));
    }
    if (!anyRequired && !steps.isEmpty()) {
      context.error(pattern.span(), "every step of this pattern is optional: at least one step must be required");
    }
    return steps;
  }

  private void checkQuantifier(PatternDecl.Quantifier quantifier) {
    boolean optional = quantifier.min() == 0 && quantifier.max().orElse(-1) == 1;
    if (optional) {
      return;
    }
    if (quantifier.min() < 1) {
      context.error(quantifier.span(), "repeat needs at least 1 occurrence; use 'optional' for zero or one");
    } else if (quantifier.max().isPresent() && quantifier.max().get() < quantifier.min()) {
      context.error(quantifier.span(), "repeat " + quantifier.min() + ".." + quantifier.max().get()
          + ": the upper bound is below the lower bound");
    } else if (quantifier.min() > MAX_REPEAT || quantifier.max().orElse(0) > MAX_REPEAT) {
      context.error(quantifier.span(), "repeat bound above " + MAX_REPEAT + "; use a windowed rule with count() for large counts");
    }
  }

  private EventType eventType(PatternDecl.Step step) {
    EventType type = context.eventTypes.get(step.eventType().value());
    if (type == null && !(context.symbols.lookup(step.eventType().value()) instanceof dev.tollgate.dsl.ast.Declaration.EventDecl)) {
      var declaration = context.symbols.lookup(step.eventType().value());
      context.error(step.eventType().span(), declaration == null
          ? "unknown event type '" + step.eventType().value() + "'"
              + dev.tollgate.dsl.diag.Suggestions.didYouMean(step.eventType().value(), context.eventTypes.keySet())
          : "'" + step.eventType().value() + "' is a " + declaration.kind() + ", not an event type");
    }
    return type;
  }
}
