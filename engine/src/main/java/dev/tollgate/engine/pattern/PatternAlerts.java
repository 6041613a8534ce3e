package dev.tollgate.engine.pattern;

import dev.tollgate.dsl.plan.KeyPlan;
import dev.tollgate.dsl.plan.RulePlan;
import dev.tollgate.engine.alert.Alert;
import dev.tollgate.engine.alert.AlertIds;
import dev.tollgate.engine.eval.ExpressionCompiler;
import dev.tollgate.engine.eval.TemplateRenderer;
import dev.tollgate.engine.event.Event;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a {@link RuleMatch} into the alert the spec describes: deterministic id, key object, the
 * matched events in event-time order, and the message rendered with the match's step events.
 */
final class PatternAlerts {
  private final PatternRule rule;
  private final TemplateRenderer message;
  private final MatchEvalContext evalContext;

  PatternAlerts(PatternRule rule, ExpressionCompiler compiler) {
    this.rule = rule;
    this.message = new TemplateRenderer(rule.plan.alert(), compiler);
    this.evalContext = new MatchEvalContext(rule.plan.key(), rule.stepCount());
  }

  Alert toAlert(RuleMatch match) {
    RulePlan plan = rule.plan;
    List<Event> events = inEventTimeOrder(match.steps());
    Event last = events.get(events.size() - 1);
    Map<String, Object> key = keyOf(plan.key(), events.get(0));
    String text = message.render(evalContext.reset(last, match.steps()::get));
    return new Alert(
        AlertIds.of(plan.id(), plan.version(), key.values(), events),
        plan.id(),
        plan.version(),
        plan.metadata().severity(),
        plan.metadata().category(),
        plan.metadata().mode(),
        key,
        text,
        match.eventTime(),
        events,
        plan.metadata().tags());
  }

  static List<Event> inEventTimeOrder(List<List<Event>> steps) {
    List<Event> events = new ArrayList<>();
    steps.forEach(events::addAll);
    events.sort(Comparator.comparingLong(Event::ts));
    return events;
  }

  private static Map<String, Object> keyOf(KeyPlan key, Event event) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (int i = 0; i < key.fields().size(); i++) {
      values.put(key.fields().get(i), MatchEvalContext.keyValue(key, event, i));
    }
    return values;
  }
}
