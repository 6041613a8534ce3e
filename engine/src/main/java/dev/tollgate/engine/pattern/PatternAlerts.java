package dev.tollgate.engine.pattern;

import dev.tollgate.dsl.plan.KeyPlan;
import dev.tollgate.dsl.plan.RulePlan;
import dev.tollgate.dsl.plan.TemplatePlan;
import dev.tollgate.engine.eval.Evaluator;
import dev.tollgate.engine.event.Event;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a {@link RuleMatch} into the alert the spec describes: deterministic id, key object, the
 * matched events in event-time order, and the message rendered with the match's step events.
 */
final class PatternAlerts {
  private final PatternRule rule;
  private final List<Object> parts;
  private final MatchEvalContext evalContext;

  PatternAlerts(PatternRule rule) {
    this.rule = rule;
    this.parts = new ArrayList<>();
    for (TemplatePlan.Part part : rule.plan.alert().parts()) {
      if (part instanceof TemplatePlan.Text text) {
        parts.add(text.text());
      } else if (part instanceof TemplatePlan.Value value) {
        parts.add(PatternExpressions.evaluator(value.expression()));
      }
    }
    this.evalContext = new MatchEvalContext(rule.plan.key(), rule.stepCount());
  }

  PatternAlert toAlert(RuleMatch match) {
    RulePlan plan = rule.plan;
    List<Event> events = inEventTimeOrder(match.steps());
    Event last = events.get(events.size() - 1);
    Map<String, Object> key = keyOf(plan.key(), events.get(0));
    StringBuilder message = new StringBuilder();
    MatchEvalContext ctx = evalContext.reset(last, match.steps()::get);
    for (Object part : parts) {
      message.append(part instanceof Evaluator e ? String.valueOf(e.evaluate(ctx)) : part);
    }
    return new PatternAlert(
        alertId(plan, key, events),
        plan.id(),
        plan.version(),
        plan.metadata().severity(),
        plan.metadata().category(),
        plan.metadata().mode(),
        key,
        message.toString(),
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

  private static String alertId(RulePlan plan, Map<String, Object> key, List<Event> events) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      StringBuilder text = new StringBuilder(plan.id()).append('\n').append(plan.version()).append('\n').append(key);
      for (Event event : events) {
        text.append('\n').append(event.id());
      }
      return HexFormat.of().formatHex(digest.digest(text.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
