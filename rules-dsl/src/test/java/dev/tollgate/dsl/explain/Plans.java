package dev.tollgate.dsl.explain;

import static dev.tollgate.dsl.types.ValueType.BOOLEAN;
import static dev.tollgate.dsl.types.ValueType.DECIMAL;
import static dev.tollgate.dsl.types.ValueType.LONG;
import static dev.tollgate.dsl.types.ValueType.STRING;
import static dev.tollgate.dsl.types.ValueType.TIMESTAMP;

import dev.tollgate.dsl.plan.AggregateFunction;
import dev.tollgate.dsl.plan.AggregatePlan;
import dev.tollgate.dsl.plan.AggregateSpec;
import dev.tollgate.dsl.plan.EventTypePlan;
import dev.tollgate.dsl.plan.KeyPlan;
import dev.tollgate.dsl.plan.ListPlan;
import dev.tollgate.dsl.plan.Mode;
import dev.tollgate.dsl.plan.PlanExpr;
import dev.tollgate.dsl.plan.RuleBody;
import dev.tollgate.dsl.plan.RuleMetadata;
import dev.tollgate.dsl.plan.RulePlan;
import dev.tollgate.dsl.plan.RuleSetPlan;
import dev.tollgate.dsl.plan.Severity;
import dev.tollgate.dsl.plan.StepPlan;
import dev.tollgate.dsl.plan.TablePlan;
import dev.tollgate.dsl.plan.TemplatePlan;
import dev.tollgate.dsl.types.ValueType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Small hand-built plans of the spec's examples, as the planner would compile them. */
final class Plans {
  static final int PAYMENT = 0;
  static final int TRANSACTION = 1;
  static final int SHIPMENT_SCAN = 2;
  static final int ORDER = 3;
  static final int CUSTOMS = 4;

  static final List<EventTypePlan> TYPES = List.of(
      type(PAYMENT, "Payment", "cardId", STRING, "merchantCountry", STRING, "amount", DECIMAL, "currency", STRING),
      type(TRANSACTION, "Transaction", "accountId", STRING, "type", STRING, "amount", DECIMAL),
      type(SHIPMENT_SCAN, "ShipmentScan", "shipmentId", STRING, "status", STRING, "location", STRING, "eta", TIMESTAMP),
      type(ORDER, "Order", "sku", STRING, "destinationCountry", STRING, "quantity", LONG, "amount", DECIMAL,
          "status", STRING),
      type(CUSTOMS, "CustomsDeclaration", "shipmentId", STRING, "hsCode", STRING, "destinationCountry", STRING,
          "declaredValue", DECIMAL, "quantity", LONG));

  static final ListPlan EMBARGOED = new ListPlan("embargoed_countries", STRING, List.of("CU", "IR", "KP", "SY"));
  static final TablePlan REFERENCE_PRICES = new TablePlan("reference_prices", "hsCode",
      List.of(new TablePlan.Column("hsCode", STRING), new TablePlan.Column("medianUnitPrice", DECIMAL)),
      Map.of("950300", List.of("950300", new BigDecimal("4.20"))));

  private Plans() {}

  static RuleSetPlan ruleSet() {
    return new RuleSetPlan(TYPES, List.of(embargoedDestination(), structuring(), cardTesting(), stalledShipment()),
        List.of(hourlyDemand()), List.of());
  }

  static RulePlan embargoedDestination() {
    PlanExpr condition = new PlanExpr.InList(field(CUSTOMS, "destinationCountry"), EMBARGOED, false);
    return new RulePlan("contraband.embargoed_destination", "a1b2c3d4",
        metadata(Severity.CRITICAL, "contraband"), KeyPlan.NONE, new RuleBody.SingleEvent(CUSTOMS, condition),
        template("Shipment ", "shipmentId", ": declared to embargoed destination ", "destinationCountry"), 0,
        "rules/contraband/embargo.rule:1");
  }

  static RulePlan structuring() {
    PlanExpr amount = field(TRANSACTION, "amount");
    PlanExpr condition = new PlanExpr.And(List.of(
        new PlanExpr.Comparison(PlanExpr.ComparisonOp.EQ, field(TRANSACTION, "type"), literal("CASH_DEPOSIT")),
        new PlanExpr.Comparison(PlanExpr.ComparisonOp.GE, amount, literal(new BigDecimal("8000.0"))),
        new PlanExpr.Comparison(PlanExpr.ComparisonOp.LT, amount,
            new PlanExpr.Cast(new PlanExpr.Literal(10_000L, LONG), DECIMAL))));
    List<AggregateSpec> aggregates = List.of(
        new AggregateSpec(AggregateFunction.COUNT, null, LONG),
        new AggregateSpec(AggregateFunction.SUM, amount, DECIMAL));
    PlanExpr having = new PlanExpr.And(List.of(
        new PlanExpr.Comparison(PlanExpr.ComparisonOp.GE, new PlanExpr.WindowAggregate(0, LONG),
            new PlanExpr.Literal(3L, LONG)),
        new PlanExpr.Comparison(PlanExpr.ComparisonOp.GE, new PlanExpr.WindowAggregate(1, DECIMAL),
            new PlanExpr.Cast(new PlanExpr.Literal(10_000L, LONG), DECIMAL))));
    return new RulePlan("aml.structuring", "5e6f7a8b", metadata(Severity.HIGH, "money_laundering"),
        key(TRANSACTION, "accountId"), new RuleBody.Windowed(TRANSACTION, condition, 86_400_000L, aggregates, having),
        template("Account ", "accountId", ": ", "count()", " cash deposits just under ", "ctr_threshold",
            " totalling ", "sum(amount)", " in 24h"),
        86_400_000L, "rules/aml/structuring.rule:3");
  }

  static RulePlan cardTesting() {
    StepPlan probe = new StepPlan("probe", PAYMENT,
        new PlanExpr.Comparison(PlanExpr.ComparisonOp.LE, field(PAYMENT, "amount"),
            new PlanExpr.Cast(new PlanExpr.Literal(2L, LONG), DECIMAL)),
        3, StepPlan.UNBOUNDED, StepPlan.Contiguity.RELAXED, false);
    StepPlan hit = new StepPlan("hit", PAYMENT, new PlanExpr.And(List.of(
        new PlanExpr.Comparison(PlanExpr.ComparisonOp.GE, field(PAYMENT, "amount"),
            new PlanExpr.Cast(new PlanExpr.Literal(500L, LONG), DECIMAL)),
        new PlanExpr.Comparison(PlanExpr.ComparisonOp.NE, field(PAYMENT, "merchantCountry"),
            new PlanExpr.StepField("probe", 0, "merchantCountry", position(PAYMENT, "merchantCountry"), STRING)))),
        1, 1, StepPlan.Contiguity.RELAXED, false);
    return new RulePlan("fraud.card_testing", "0badc0de", metadata(Severity.HIGH, "fraud"), key(PAYMENT, "cardId"),
        new RuleBody.Pattern(List.of(probe, hit), 900_000L, null),
        template("Card ", "cardId", ": ", "count(probe)", " micro-authorizations, then ", "hit.amount", " ",
            "hit.currency"),
        900_000L, "rules/fraud/card_testing.rule:1");
  }

  static RulePlan stalledShipment() {
    StepPlan sent = new StepPlan("sent", SHIPMENT_SCAN,
        new PlanExpr.Comparison(PlanExpr.ComparisonOp.EQ, field(SHIPMENT_SCAN, "status"), literal("DISPATCHED")),
        1, 1, StepPlan.Contiguity.RELAXED, false);
    StepPlan quiet = new StepPlan(null, SHIPMENT_SCAN,
        new PlanExpr.InList(field(SHIPMENT_SCAN, "status"),
            new ListPlan("", STRING, List.of("IN_TRANSIT", "ARRIVED_HUB", "DELIVERED")), false),
        1, 1, StepPlan.Contiguity.STRICT, true);
    PlanExpr deadline = new PlanExpr.Arithmetic(PlanExpr.ArithmeticOp.ADD,
        new PlanExpr.StepField("sent", 0, "eta", position(SHIPMENT_SCAN, "eta"), TIMESTAMP),
        new PlanExpr.Literal(43_200_000L, ValueType.DURATION), TIMESTAMP);
    RuleMetadata metadata = new RuleMetadata(Severity.MEDIUM, "shipment", Mode.SHADOW, "Stalled after dispatch",
        null, List.of("logistics", "sla"), "ops@example.com");
    return new RulePlan("shipment.stalled_after_dispatch", "feedface", metadata, key(SHIPMENT_SCAN, "shipmentId"),
        new RuleBody.Pattern(List.of(sent, quiet), 0, deadline),
        template("Shipment ", "shipmentId", ": dispatched from ", "sent.location", ", no further scan"),
        0, "rules/shipment/stalled.rule:1");
  }

  static AggregatePlan hourlyDemand() {
    PlanExpr condition = new PlanExpr.Comparison(PlanExpr.ComparisonOp.EQ, field(ORDER, "status"), literal("PLACED"));
    List<AggregatePlan.SelectItem> select = List.of(
        new AggregatePlan.SelectItem("orders", new AggregateSpec(AggregateFunction.COUNT, null, LONG)),
        new AggregatePlan.SelectItem("units", new AggregateSpec(AggregateFunction.SUM, field(ORDER, "quantity"), LONG)),
        new AggregatePlan.SelectItem("revenue", new AggregateSpec(AggregateFunction.SUM, field(ORDER, "amount"), DECIMAL)));
    PlanExpr spike = new PlanExpr.And(List.of(
        new PlanExpr.Comparison(PlanExpr.ComparisonOp.GT, new PlanExpr.Cast(new PlanExpr.WindowAggregate(1, LONG), DECIMAL),
            new PlanExpr.Arithmetic(PlanExpr.ArithmeticOp.MULTIPLY,
                new PlanExpr.Cast(new PlanExpr.Literal(3L, LONG), DECIMAL), new PlanExpr.Baseline(1, 24, DECIMAL), DECIMAL)),
        new PlanExpr.Comparison(PlanExpr.ComparisonOp.GE, new PlanExpr.WindowAggregate(1, LONG),
            new PlanExpr.Literal(50L, LONG))));
    return new AggregatePlan("demand.hourly_by_sku", "c0ffee00", new RuleMetadata(null, null, Mode.ACTIVE, null, null,
        List.of(), null), ORDER, condition,
        List.of(new AggregatePlan.GroupField("sku", position(ORDER, "sku"), STRING),
            new AggregatePlan.GroupField("destinationCountry", position(ORDER, "destinationCountry"), STRING)),
        new AggregatePlan.WindowPlan(AggregatePlan.WindowKind.TUMBLING, 3_600_000L, 3_600_000L), select,
        new AggregatePlan.SpikePlan(spike, Severity.MEDIUM, null), "rules/demand/hourly.rule:1");
  }

  static RuleMetadata metadata(Severity severity, String category) {
    return new RuleMetadata(severity, category, Mode.ACTIVE, null, null, List.of(), null);
  }

  static PlanExpr.EventField field(int type, String name) {
    EventTypePlan.FieldPlan field = TYPES.get(type).fields().get(position(type, name));
    return new PlanExpr.EventField(name, field.position(), field.type());
  }

  static int position(int type, String name) {
    return TYPES.get(type).positionOf(name);
  }

  static PlanExpr.Literal literal(Object value) {
    ValueType type = value instanceof String ? STRING : value instanceof BigDecimal ? DECIMAL
        : value instanceof Boolean ? BOOLEAN : LONG;
    return new PlanExpr.Literal(value, type);
  }

  static KeyPlan key(int type, String field) {
    return new KeyPlan(List.of(field), List.of(STRING), Map.of(type, List.of(position(type, field))));
  }

  /** Alternating text and placeholder sources, starting with text; placeholders hold dummy expressions. */
  static TemplatePlan template(String... pieces) {
    List<TemplatePlan.Part> parts = new ArrayList<>();
    for (int i = 0; i < pieces.length; i++) {
      parts.add(i % 2 == 0 ? new TemplatePlan.Text(pieces[i]) : new TemplatePlan.Value(pieces[i], literal(pieces[i])));
    }
    return new TemplatePlan(parts);
  }

  private static EventTypePlan type(int id, String name, Object... fields) {
    List<EventTypePlan.FieldPlan> plans = new ArrayList<>();
    plans.add(new EventTypePlan.FieldPlan("id", STRING, 0));
    plans.add(new EventTypePlan.FieldPlan("ts", TIMESTAMP, 1));
    for (int i = 0; i < fields.length; i += 2) {
      plans.add(new EventTypePlan.FieldPlan((String) fields[i], (ValueType) fields[i + 1], plans.size()));
    }
    return new EventTypePlan(id, name, plans);
  }
}
