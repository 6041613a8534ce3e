package dev.tollgate.jobs.docs;

import dev.tollgate.dsl.check.ConstValue;
import dev.tollgate.dsl.plan.AggregatePlan;
import dev.tollgate.dsl.plan.EventTypePlan;
import dev.tollgate.dsl.plan.RuleBody;
import dev.tollgate.dsl.plan.RuleMetadata;
import dev.tollgate.dsl.plan.RulePlan;
import dev.tollgate.dsl.plan.RuleSetPlan;
import dev.tollgate.dsl.plan.StepPlan;
import dev.tollgate.dsl.plan.TestPlan;
import dev.tollgate.dsl.types.ValueType;
import dev.tollgate.engine.eval.ValueFormat;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The entries of a rule catalog, in rule-set order (rules, then aggregates): each rule's and
 * aggregate's metadata, how it runs, the consts it reads with their values, and how many tests
 * name it.
 */
final class RuleCatalog {
  private final RuleSetPlan plan;
  private final Map<String, List<String>> constUses;
  private final Map<String, ConstValue> consts;
  private final Map<String, Integer> testsByTarget = new HashMap<>();

  /**
   * @param constUses rule or aggregate id → names of the consts it reads
   * @param consts const values (after overrides)
   */
  RuleCatalog(RuleSetPlan plan, Map<String, List<String>> constUses, Map<String, ConstValue> consts) {
    this.plan = plan;
    this.constUses = constUses;
    this.consts = consts;
    for (TestPlan test : plan.tests()) {
      testsByTarget.merge(test.targetId(), 1, Integer::sum);
    }
  }

  List<CatalogEntry> entries() {
    List<CatalogEntry> entries = new ArrayList<>();
    for (RulePlan rule : plan.rules()) {
      entries.add(entry(rule.id(), "rule", rule.metadata(), runs(rule), rule.location()));
    }
    for (AggregatePlan aggregate : plan.aggregates()) {
      entries.add(entry(aggregate.id(), "aggregate", aggregate.metadata(), runs(aggregate), aggregate.location()));
    }
    return entries;
  }

  private CatalogEntry entry(String id, String kind, RuleMetadata metadata, String runs, String location) {
    List<String> thresholds = new ArrayList<>();
    for (String name : constUses.getOrDefault(id, List.of())) {
      ConstValue value = consts.get(name);
      thresholds.add(name + " = " + (value == null ? "?" : format(value)));
    }
    int dot = id.indexOf('.');
    return new CatalogEntry(id, dot < 0 ? id : id.substring(0, dot), kind, metadata.title(), metadata.description(),
        metadata.severity() == null ? null : metadata.severity().keyword(), metadata.category(), metadata.tags(),
        metadata.owner(), metadata.mode().keyword(), runs, thresholds, testsByTarget.getOrDefault(id, 0), location);
  }

  private String runs(RulePlan rule) {
    String key = rule.key().isEmpty() ? "" : ", key " + String.join(", ", rule.key().fields());
    String suppress = rule.suppressMillis() > 0 ? ", suppress " + duration(rule.suppressMillis()) : "";
    if (rule.body() instanceof RuleBody.SingleEvent single) {
      return "single event on " + typeName(single.eventType()) + key + suppress;
    }
    if (rule.body() instanceof RuleBody.Windowed windowed) {
      return "windowed on " + typeName(windowed.eventType()) + key + ", window " + duration(windowed.windowMillis())
          + suppress;
    }
    RuleBody.Pattern pattern = (RuleBody.Pattern) rule.body();
    Set<String> types = new LinkedHashSet<>();
    for (StepPlan step : pattern.steps()) {
      types.add(typeName(step.eventType()));
    }
    String bound = pattern.deadline() != null ? ", deadline from earlier steps" : ", within " + duration(pattern.withinMillis());
    return "pattern of " + pattern.steps().size() + " steps on " + String.join(", ", types)
        + (pattern.endsInAbsence() ? " ending in an absence" : "") + key + bound + suppress;
  }

  private String runs(AggregatePlan aggregate) {
    AggregatePlan.WindowPlan window = aggregate.window();
    String windowText = switch (window.kind()) {
      case TUMBLING -> "tumbling " + duration(window.sizeMillis());
      case SLIDING -> "sliding " + duration(window.sizeMillis()) + " every " + duration(window.slideMillis());
      case SESSION -> "session gap " + duration(window.sizeMillis());
    };
    List<String> groups = aggregate.groupBy().stream().map(AggregatePlan.GroupField::name).toList();
    List<String> selected = aggregate.select().stream().map(AggregatePlan.SelectItem::name).toList();
    String spike = aggregate.spike() == null ? "" : "; spike alert, severity " + aggregate.spike().severity().keyword();
    return "aggregate of " + typeName(aggregate.eventType()) + (groups.isEmpty() ? "" : " by " + String.join(", ", groups))
        + ", window " + windowText + ": " + String.join(", ", selected) + spike;
  }

  private String typeName(int typeId) {
    for (EventTypePlan type : plan.eventTypes()) {
      if (type.typeId() == typeId) {
        return type.name();
      }
    }
    return "type " + typeId;
  }

  private static String duration(long millis) {
    StringBuilder out = new StringBuilder();
    ValueFormat.appendDuration(out, millis);
    return out.toString();
  }

  private static String format(ConstValue value) {
    if (value.type() == ValueType.STRING) {
      return "\"" + value.value() + "\"";
    }
    StringBuilder out = new StringBuilder();
    ValueFormat.append(out, value.value(), value.type());
    return out.toString();
  }
}
