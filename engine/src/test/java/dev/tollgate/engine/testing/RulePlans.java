package dev.tollgate.engine.testing;

import dev.tollgate.dsl.plan.AggregateFunction;
import dev.tollgate.dsl.plan.AggregateSpec;
import dev.tollgate.dsl.plan.EventTypePlan;
import dev.tollgate.dsl.plan.KeyPlan;
import dev.tollgate.dsl.plan.Mode;
import dev.tollgate.dsl.plan.PlanExpr;
import dev.tollgate.dsl.plan.RuleBody;
import dev.tollgate.dsl.plan.RuleMetadata;
import dev.tollgate.dsl.plan.RulePlan;
import dev.tollgate.dsl.plan.Severity;
import dev.tollgate.dsl.plan.TemplatePlan;
import dev.tollgate.dsl.types.ValueType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A fluent builder of hand-written rule plans for tests. */
public final class RulePlans {
  private final String id;
  private String version = "v1";
  private Severity severity = Severity.HIGH;
  private String category = "test";
  private Mode mode = Mode.ACTIVE;
  private List<String> tags = List.of();
  private final List<EventTypePlan> types = new ArrayList<>();
  private PlanExpr where;
  private final List<String> keyFields = new ArrayList<>();
  private long windowMillis;
  private final List<AggregateSpec> aggregates = new ArrayList<>();
  private PlanExpr having;
  private final List<TemplatePlan.Part> template = new ArrayList<>();
  private Long suppressMillis;

  private RulePlans(String id) {
    this.id = id;
  }

  public static RulePlans rule(String id) {
    return new RulePlans(id);
  }

  public RulePlans version(String v) {
    version = v;
    return this;
  }

  public RulePlans severity(Severity s) {
    severity = s;
    return this;
  }

  public RulePlans category(String c) {
    category = c;
    return this;
  }

  public RulePlans mode(Mode m) {
    mode = m;
    return this;
  }

  public RulePlans tags(String... t) {
    tags = List.of(t);
    return this;
  }

  /** The rule's event type (and, for keys, any further types it reads). */
  public RulePlans on(EventTypePlan... eventTypes) {
    types.addAll(List.of(eventTypes));
    return this;
  }

  public RulePlans where(PlanExpr condition) {
    where = condition;
    return this;
  }

  public RulePlans key(String... fields) {
    keyFields.addAll(List.of(fields));
    return this;
  }

  public RulePlans window(Duration window) {
    windowMillis = window.toMillis();
    return this;
  }

  /** Adds an aggregate slot; {@code argument} null for {@code count()}. */
  public RulePlans aggregate(AggregateFunction function, PlanExpr argument, ValueType type) {
    aggregates.add(new AggregateSpec(function, argument, type));
    return this;
  }

  public RulePlans having(PlanExpr condition) {
    having = condition;
    return this;
  }

  public RulePlans suppress(Duration suppress) {
    suppressMillis = suppress.toMillis();
    return this;
  }

  /** Template parts: Strings are text, PlanExprs placeholders. */
  public RulePlans alert(Object... parts) {
    for (Object part : parts) {
      template.add(part instanceof String s ? new TemplatePlan.Text(s) : new TemplatePlan.Value(part.toString(), (PlanExpr) part));
    }
    return this;
  }

  public RulePlan singleEvent() {
    return plan(new RuleBody.SingleEvent(types.get(0).typeId(), where), 0);
  }

  public RulePlan windowed() {
    RuleBody body = new RuleBody.Windowed(types.get(0).typeId(), where, windowMillis, aggregates, having);
    return plan(body, suppressMillis == null ? windowMillis : suppressMillis);
  }

  private RulePlan plan(RuleBody body, long suppress) {
    RuleMetadata metadata = new RuleMetadata(severity, category, mode, null, null, tags, null);
    return new RulePlan(id, version, metadata, keyPlan(), body, new TemplatePlan(template), suppress, "test.rule:1");
  }

  private KeyPlan keyPlan() {
    if (keyFields.isEmpty()) {
      return KeyPlan.NONE;
    }
    List<ValueType> keyTypes = new ArrayList<>();
    Map<Integer, List<Integer>> positions = new LinkedHashMap<>();
    for (EventTypePlan type : types) {
      List<Integer> typePositions = new ArrayList<>();
      for (String field : keyFields) {
        int position = type.positionOf(field);
        if (position < 0) {
          throw new IllegalArgumentException("no key field " + field + " in " + type.name());
        }
        typePositions.add(position);
      }
      positions.put(type.typeId(), typePositions);
    }
    EventTypePlan first = types.get(0);
    for (String field : keyFields) {
      keyTypes.add(first.fields().get(first.positionOf(field)).type());
    }
    return new KeyPlan(keyFields, keyTypes, positions);
  }
}
