package dev.tollgate.engine.aggregate;

import static dev.tollgate.engine.testing.Exprs.eq;
import static dev.tollgate.engine.testing.Exprs.field;
import static dev.tollgate.engine.testing.Exprs.lit;

import dev.tollgate.dsl.plan.AggregateFunction;
import dev.tollgate.dsl.plan.AggregatePlan;
import dev.tollgate.dsl.plan.AggregatePlan.GroupField;
import dev.tollgate.dsl.plan.AggregatePlan.SelectItem;
import dev.tollgate.dsl.plan.AggregatePlan.SpikePlan;
import dev.tollgate.dsl.plan.AggregatePlan.WindowKind;
import dev.tollgate.dsl.plan.AggregatePlan.WindowPlan;
import dev.tollgate.dsl.plan.AggregateSpec;
import dev.tollgate.dsl.plan.EventTypePlan;
import dev.tollgate.dsl.plan.Mode;
import dev.tollgate.dsl.plan.PlanExpr;
import dev.tollgate.dsl.plan.RuleMetadata;
import dev.tollgate.dsl.plan.Severity;
import dev.tollgate.dsl.types.ValueType;
import dev.tollgate.engine.event.Event;
import dev.tollgate.engine.event.EventCatalog;
import dev.tollgate.engine.testing.Schemas;
import java.time.Duration;
import java.util.List;

/** Order events and hand-built aggregate plans over them, for the aggregate tests. */
final class Orders {
  private Orders() {}

  /** Order: id, ts, sku, destinationCountry, quantity(long), amount(decimal), status, buyerId. */
  static final EventTypePlan ORDER = Schemas.type(1, "Order",
      "sku", ValueType.STRING,
      "destinationCountry", ValueType.STRING,
      "quantity", ValueType.LONG,
      "amount", ValueType.DECIMAL,
      "status", ValueType.STRING,
      "buyerId", ValueType.STRING);

  static final EventCatalog CATALOG = new EventCatalog(List.of(Schemas.TRANSACTION, ORDER));

  static final PlanExpr SKU = field("sku", 2, ValueType.STRING);
  static final PlanExpr COUNTRY = field("destinationCountry", 3, ValueType.STRING);
  static final PlanExpr QUANTITY = field("quantity", 4, ValueType.LONG);
  static final PlanExpr AMOUNT = field("amount", 5, ValueType.DECIMAL);
  static final PlanExpr STATUS = field("status", 6, ValueType.STRING);
  static final PlanExpr BUYER = field("buyerId", 7, ValueType.STRING);

  static final List<GroupField> BY_SKU_COUNTRY = List.of(
      new GroupField("sku", 2, ValueType.STRING), new GroupField("destinationCountry", 3, ValueType.STRING));
  static final List<GroupField> BY_SKU = List.of(new GroupField("sku", 2, ValueType.STRING));

  /** {@code select count() as orders, sum(quantity) as units, sum(amount) as revenue}. */
  static final List<SelectItem> DEMAND = List.of(
      select("orders", AggregateFunction.COUNT, null, ValueType.LONG),
      select("units", AggregateFunction.SUM, QUANTITY, ValueType.LONG),
      select("revenue", AggregateFunction.SUM, AMOUNT, ValueType.DECIMAL));

  static SelectItem select(String name, AggregateFunction function, PlanExpr argument, ValueType type) {
    return new SelectItem(name, new AggregateSpec(function, argument, type));
  }

  static WindowPlan tumbling(Duration size) {
    return new WindowPlan(WindowKind.TUMBLING, size.toMillis(), size.toMillis());
  }

  static WindowPlan sliding(Duration size, Duration slide) {
    return new WindowPlan(WindowKind.SLIDING, size.toMillis(), slide.toMillis());
  }

  static WindowPlan session(Duration gap) {
    return new WindowPlan(WindowKind.SESSION, gap.toMillis(), gap.toMillis());
  }

  /** {@code aggregate <id> { on Order where status == "PLACED" group by ... window ... select ... }}. */
  static AggregatePlan plan(String id, List<GroupField> groupBy, WindowPlan window, List<SelectItem> select, SpikePlan spike) {
    return new AggregatePlan(id, "v1", null, ORDER.typeId(), eq(STATUS, lit("PLACED")), groupBy, window, select, spike,
        "demand.rule:1:1");
  }

  static AggregatePlan hourlyBySkuAndCountry() {
    return plan("demand.hourly_by_sku", BY_SKU_COUNTRY, tumbling(Duration.ofHours(1)), DEMAND, null);
  }

  static RuleMetadata metadata(String category, Mode mode, String... tags) {
    return new RuleMetadata(Severity.LOW, category, mode, null, null, List.of(tags), null);
  }

  /** A placed order. */
  static Event order(String id, String isoTs, String sku, String country, long quantity, String amount) {
    return Schemas.event(ORDER, id, isoTs, "sku", sku, "destinationCountry", country, "quantity", quantity,
        "amount", amount, "status", "PLACED");
  }

  static Event order(String id, String isoTs, Object... namesAndValues) {
    return Schemas.event(ORDER, id, isoTs, namesAndValues);
  }
}
