package dev.tollgate.dsl.check;

import dev.tollgate.dsl.ast.Declaration;
import dev.tollgate.dsl.ast.Declaration.RuleDecl;
import dev.tollgate.dsl.ast.Identifier;
import dev.tollgate.dsl.ast.Node;
import dev.tollgate.dsl.diag.Suggestions;
import dev.tollgate.dsl.plan.Mode;
import dev.tollgate.dsl.plan.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Checks a rule: metadata, that exactly one kind of body is given (single event, windowed or
 * pattern) with the clauses that kind needs and no others, keys, conditions and the alert.
 */
final class RuleChecker {
  private final CheckContext context;
  private final ExpressionChecker expressions;
  private final MetadataChecker metadata;
  private final KeyChecker keys;
  private final PatternChecker patterns;
  private final TemplateChecker templates;

  RuleChecker(CheckContext context, ExpressionChecker expressions) {
    this.context = context;
    this.expressions = expressions;
    this.metadata = new MetadataChecker(context);
    this.keys = new KeyChecker(context);
    this.patterns = new PatternChecker(context, expressions, keys);
    this.templates = new TemplateChecker(context, expressions);
  }

  CheckedRule check(RuleDecl rule) {
    String id = rule.name().value();
    metadata.checkRule(id, rule.metadata(), rule.name().span());
    Severity severity = rule.metadata().severity().map(metadata::severity).orElse(null);
    Mode mode = rule.metadata().mode().map(m -> parseMode(m.value())).orElse(Mode.ACTIVE);
    if (rule.alert().isEmpty()) {
      context.error(rule.name().span(), "rule " + id + " has no alert (add 'alert \"...\"')");
    }
    CheckedRule.BodyKind kind = rule.pattern().isPresent() ? CheckedRule.BodyKind.PATTERN
        : rule.window().isPresent() ? CheckedRule.BodyKind.WINDOWED : CheckedRule.BodyKind.SINGLE_EVENT;
    return switch (kind) {
      case PATTERN -> patterns.check(rule, severity, mode, templates);
      case WINDOWED -> windowed(rule, severity, mode);
      case SINGLE_EVENT -> single(rule, severity, mode);
    };
  }

  private static Mode parseMode(String written) {
    try {
      return Mode.valueOf(written.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return Mode.ACTIVE;
    }
  }

  private CheckedRule single(RuleDecl rule, Severity severity, Mode mode) {
    misplaced(rule.having(), "'having' without 'window': a windowed rule needs 'key' and 'window' too");
    misplaced(rule.within(), "'within' belongs to pattern rules");
    misplaced(rule.deadline(), "'deadline' belongs to pattern rules that end with 'then not'");
    if (!rule.key().isEmpty()) {
      context.error(rule.key().get(0).span(), "'key' without 'window': a single-event rule has no key;"
          + " add 'window' and 'having' for a windowed rule");
    }
    if (rule.on().isEmpty()) {
      context.error(rule.name().span(), "rule " + rule.name().value()
          + " has no body: give 'on <EventType>' (with 'where', and 'key', 'window', 'having' to aggregate) or a 'pattern'");
      return null;
    }
    EventType event = eventType(rule.on().get());
    if (event == null) {
      return null;
    }
    rule.where().ifPresent(where -> expressions.condition(where, Scope.row("where", event)));
    rule.alert().ifPresent(alert -> templates.check(alert, Scope.row("the alert", event)));
    return new CheckedRule(rule, CheckedRule.BodyKind.SINGLE_EVENT, event, List.of(), List.of(), severity, mode);
  }

  private CheckedRule windowed(RuleDecl rule, Severity severity, Mode mode) {
    misplaced(rule.within(), "'within' belongs to pattern rules; a windowed rule's span is its 'window'");
    misplaced(rule.deadline(), "'deadline' belongs to pattern rules that end with 'then not'");
    positive(rule.window().get(), "window");
    boolean complete = true;
    if (rule.on().isEmpty()) {
      context.error(rule.window().get().span(), "'window' without 'on': say which event type is aggregated");
      complete = false;
    }
    if (rule.key().isEmpty()) {
      context.error(rule.window().get().span(), "'window' without 'key': say what the window is kept per, e.g. 'key accountId'");
      complete = false;
    }
    if (rule.having().isEmpty()) {
      context.error(rule.window().get().span(), "'window' without 'having': say when the rule fires, e.g. 'having count() >= 3'");
      complete = false;
    }
    EventType event = rule.on().map(this::eventType).orElse(null);
    if (event == null) {
      return null;
    }
    List<KeyField> keyFields = rule.key().isEmpty() ? List.of() : keys.check(rule.key(), List.of(event), "key");
    rule.where().ifPresent(where -> expressions.condition(where, Scope.row("where", event)));
    Scope aggregating = Scope.row("having", event).withAggregates(Scope.Aggregates.WINDOW);
    rule.having().ifPresent(having -> expressions.condition(having, aggregating));
    if (keyFields != null) {
      Scope alert = new Scope("the alert", event, keyFields, List.of(), Scope.Aggregates.WINDOW, List.of());
      rule.alert().ifPresent(template -> templates.check(template, alert));
    }
    if (!complete || keyFields == null) {
      return null;
    }
    return new CheckedRule(rule, CheckedRule.BodyKind.WINDOWED, event, keyFields, List.of(), severity, mode);
  }

  void positive(dev.tollgate.dsl.ast.Expression.DurationLiteral duration, String what) {
    if (duration.millis() < 0) {
      context.error(duration.span(), "duration too large: " + duration.text());
    } else if (duration.millis() == 0) {
      context.error(duration.span(), what + " must be longer than 0");
    }
  }

  void misplaced(Optional<? extends Node> clause, String message) {
    clause.ifPresent(node -> context.error(node.span(), message));
  }

  /** The event type named, or null after reporting it unknown. */
  EventType eventType(Identifier name) {
    EventType type = context.eventTypes.get(name.value());
    if (type == null) {
      Declaration declaration = context.symbols.lookup(name.value());
      if (declaration instanceof Declaration.EventDecl) {
        return null; // declared but rejected (duplicate), already reported
      }
      List<String> known = new ArrayList<>(context.eventTypes.keySet());
      context.error(name.span(), declaration == null
          ? "unknown event type '" + name.value() + "'" + Suggestions.didYouMean(name.value(), known)
          : "'" + name.value() + "' is a " + declaration.kind() + ", not an event type");
    }
    return type;
  }
}
