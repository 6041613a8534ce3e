package dev.tollgate.engine.pattern;

import dev.tollgate.dsl.plan.AggregateFunction;
import dev.tollgate.dsl.plan.EventTypePlan;
import dev.tollgate.dsl.plan.KeyPlan;
import dev.tollgate.dsl.plan.ListPlan;
import dev.tollgate.dsl.plan.Mode;
import dev.tollgate.dsl.plan.PlanExpr;
import dev.tollgate.dsl.plan.RuleBody;
import dev.tollgate.dsl.plan.RuleMetadata;
import dev.tollgate.dsl.plan.RulePlan;
import dev.tollgate.dsl.plan.Severity;
import dev.tollgate.dsl.plan.StepPlan;
import dev.tollgate.dsl.plan.TemplatePlan;
import dev.tollgate.dsl.types.ValueType;
import dev.tollgate.engine.event.Event;
import dev.tollgate.engine.event.EventCatalog;
import dev.tollgate.engine.testing.Schemas;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A small catalog (Payment, ShipmentScan), events and a readable builder for pattern rule plans,
 * so tests state rules roughly as analysts write them.
 */
final class PatternPlans {
  static final int PAYMENT = 0;
  static final int SCAN = 1;

  /** The test catalog; every type has its key field (card or shipment) at position 2. */
  static final List<EventTypePlan> TYPES =
      List.of(
          Schemas.type(
              PAYMENT, "Payment",
              "cardId", ValueType.STRING,
              "merchantCountry", ValueType.STRING,
              "amount", ValueType.DECIMAL,
              "currency", ValueType.STRING),
          Schemas.type(
              SCAN, "ShipmentScan",
              "shipmentId", ValueType.STRING,
              "status", ValueType.STRING,
              "location", ValueType.STRING,
              "eta", ValueType.TIMESTAMP));

  static final EventCatalog CATALOG = new EventCatalog(TYPES);

  private PatternPlans() {}

  private static EventTypePlan.FieldPlan fieldOf(int type, String name) {
    EventTypePlan plan = TYPES.get(type);
    int position = plan.positionOf(name);
    if (position < 0) {
      throw new IllegalArgumentException("no field " + name + " in " + plan.name());
    }
    return plan.fields().get(position);
  }

  // ---- time and events

  /** {@code "03-01T09:05"} → epoch millis of 2026-03-01T09:05:00Z. */
  static long at(String monthDayTime) {
    return Instant.parse("2026-" + monthDayTime + ":00Z").toEpochMilli();
  }

  static Event payment(String id, String time, String card, String country, String amount) {
    return new Event(PAYMENT, new Object[] {id, at(time), card, country, new BigDecimal(amount), "EUR"});
  }

  static Event scan(String id, String time, String shipment, String status) {
    return scan(id, time, shipment, status, null);
  }

  static Event scan(String id, String time, String shipment, String status, String eta) {
    return new Event(
        SCAN, new Object[] {id, at(time), shipment, status, "Rotterdam", eta == null ? null : at(eta)});
  }

  // ---- expressions

  static PlanExpr payment(String field) {
    return eventField(PAYMENT, field);
  }

  static PlanExpr scan(String field) {
    return eventField(SCAN, field);
  }

  private static PlanExpr eventField(int type, String name) {
    EventTypePlan.FieldPlan field = fieldOf(type, name);
    return new PlanExpr.EventField(name, field.position(), field.type());
  }

  static PlanExpr dec(String value) {
    return new PlanExpr.Literal(new BigDecimal(value), ValueType.DECIMAL);
  }

  static PlanExpr str(String value) {
    return new PlanExpr.Literal(value, ValueType.STRING);
  }

  static PlanExpr hours(long hours) {
    return new PlanExpr.Literal(Duration.ofHours(hours).toMillis(), ValueType.DURATION);
  }

  static PlanExpr le(PlanExpr a, PlanExpr b) {
    return new PlanExpr.Comparison(PlanExpr.ComparisonOp.LE, a, b);
  }

  static PlanExpr ge(PlanExpr a, PlanExpr b) {
    return new PlanExpr.Comparison(PlanExpr.ComparisonOp.GE, a, b);
  }

  static PlanExpr eq(PlanExpr a, PlanExpr b) {
    return new PlanExpr.Comparison(PlanExpr.ComparisonOp.EQ, a, b);
  }

  static PlanExpr ne(PlanExpr a, PlanExpr b) {
    return new PlanExpr.Comparison(PlanExpr.ComparisonOp.NE, a, b);
  }

  static PlanExpr and(PlanExpr... operands) {
    return new PlanExpr.And(List.of(operands));
  }

  static PlanExpr in(PlanExpr value, String... values) {
    return new PlanExpr.InList(
        value, new ListPlan("inline", ValueType.STRING, List.<Object>of((Object[]) values)), false);
  }

  static PlanExpr plus(PlanExpr timestamp, PlanExpr duration) {
    return new PlanExpr.Arithmetic(PlanExpr.ArithmeticOp.ADD, timestamp, duration, ValueType.TIMESTAMP);
  }

  static PlanExpr keyField(String name) {
    return new PlanExpr.KeyField(name, 0, ValueType.STRING);
  }

  /** A reference to an earlier step, for {@code probe.field} and {@code count(probe)}. */
  record StepRef(String alias, int index, int type) {
    PlanExpr field(String name) {
      EventTypePlan.FieldPlan field = fieldOf(type, name);
      return new PlanExpr.StepField(alias, index, name, field.position(), field.type());
    }

    PlanExpr count() {
      return new PlanExpr.StepAggregate(AggregateFunction.COUNT, alias, index, -1, ValueType.LONG);
    }
  }

  // ---- rules

  static RuleBuilder rule(String id) {
    return new RuleBuilder(id);
  }

  /** Builds a pattern {@link RulePlan} step by step, as the rule would be written. */
  static final class RuleBuilder {
    private final String id;
    private String keyField = "cardId";
    private final List<StepPlan> steps = new ArrayList<>();
    private long withinMillis;
    private PlanExpr deadline;
    private long suppressMillis;
    private Mode mode = Mode.ACTIVE;
    private String version = "v1";
    private final List<TemplatePlan.Part> alert = new ArrayList<>();

    private RuleBuilder(String id) {
      this.id = id;
    }

    RuleBuilder key(String field) {
      this.keyField = field;
      return this;
    }

    RuleBuilder step(String alias, int type, PlanExpr condition) {
      return add(alias, type, condition, StepPlan.Contiguity.RELAXED, false);
    }

    RuleBuilder then(String alias, int type, PlanExpr condition) {
      return add(alias, type, condition, StepPlan.Contiguity.RELAXED, false);
    }

    RuleBuilder thenNext(String alias, int type, PlanExpr condition) {
      return add(alias, type, condition, StepPlan.Contiguity.STRICT, false);
    }

    RuleBuilder thenNot(int type, PlanExpr condition) {
      return add(null, type, condition, StepPlan.Contiguity.RELAXED, true);
    }

    /** {@code repeat N..M} on the last step; {@code max} may be {@link StepPlan#UNBOUNDED}. */
    RuleBuilder repeat(int min, int max) {
      StepPlan last = steps.remove(steps.size() - 1);
      steps.add(
          new StepPlan(last.alias(), last.eventType(), last.condition(), min, max, last.contiguity(), false));
      return this;
    }

    RuleBuilder optional() {
      return repeat(0, 1);
    }

    RuleBuilder within(Duration within) {
      this.withinMillis = within.toMillis();
      return this;
    }

    RuleBuilder deadline(PlanExpr deadline) {
      this.deadline = deadline;
      return this;
    }

    RuleBuilder suppress(Duration suppress) {
      this.suppressMillis = suppress.toMillis();
      return this;
    }

    RuleBuilder mode(Mode mode) {
      this.mode = mode;
      return this;
    }

    RuleBuilder version(String version) {
      this.version = version;
      return this;
    }

    /** Template parts: a String is literal text, a PlanExpr a placeholder. */
    RuleBuilder alert(Object... parts) {
      for (Object part : parts) {
        alert.add(
            part instanceof PlanExpr expr
                ? new TemplatePlan.Value(expr.toString(), expr)
                : new TemplatePlan.Text((String) part));
      }
      return this;
    }

    RulePlan build() {
      Map<Integer, List<Integer>> positions = new HashMap<>();
      for (EventTypePlan type : TYPES) {
        int position = type.positionOf(keyField);
        if (position >= 0) {
          positions.put(type.typeId(), List.of(position));
        }
      }
      KeyPlan key = new KeyPlan(List.of(keyField), List.of(ValueType.STRING), positions);
      RuleMetadata metadata =
          new RuleMetadata(Severity.HIGH, "fraud", mode, null, null, List.of("test"), null);
      return new RulePlan(
          id,
          version,
          metadata,
          key,
          new RuleBody.Pattern(steps, withinMillis, deadline),
          new TemplatePlan(alert),
          suppressMillis,
          id + ".rule:1");
    }

    private RuleBuilder add(
        String alias, int type, PlanExpr condition, StepPlan.Contiguity contiguity, boolean absent) {
      steps.add(new StepPlan(alias, type, condition, 1, 1, contiguity, absent));
      return this;
    }
  }

  // ---- the spec's two example rules

  static final StepRef PROBE = new StepRef("probe", 0, PAYMENT);
  static final StepRef HIT = new StepRef("hit", 1, PAYMENT);
  static final StepRef SENT = new StepRef("sent", 0, SCAN);

  /** {@code fraud.card_testing} as in the spec (suppression left to the test). */
  static RuleBuilder cardTesting() {
    return rule("fraud.card_testing")
        .key("cardId")
        .step("probe", PAYMENT, le(payment("amount"), dec("2")))
        .repeat(3, StepPlan.UNBOUNDED)
        .then(
            "hit",
            PAYMENT,
            and(
                ge(payment("amount"), dec("500")),
                ne(payment("merchantCountry"), PROBE.field("merchantCountry"))))
        .within(Duration.ofMinutes(15))
        .alert(
            "Card ", keyField("cardId"), ": ", PROBE.count(), " micro-authorizations, then ",
            HIT.field("amount"), " ", HIT.field("currency"));
  }

  /** {@code shipment.stalled_after_dispatch} as in the spec. */
  static RuleBuilder stalledAfterDispatch() {
    return rule("shipment.stalled_after_dispatch")
        .key("shipmentId")
        .step("sent", SCAN, eq(scan("status"), str("DISPATCHED")))
        .thenNot(SCAN, in(scan("status"), "IN_TRANSIT", "ARRIVED_HUB", "DELIVERED"))
        .within(Duration.ofHours(48))
        .alert(
            "Shipment ", keyField("shipmentId"), ": dispatched from ", SENT.field("location"),
            ", no further scan in 48h");
  }
}
