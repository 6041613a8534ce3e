package dev.tollgate.dsl.plan;

import dev.tollgate.dsl.types.ValueType;
import java.io.Serializable;
import java.util.List;

/**
 * A compiled {@code aggregate} block: one output record per group per closed window.
 *
 * @param groupBy group fields with their positions in {@code eventType}
 * @param spike the optional spike alert, or null
 */
public record AggregatePlan(
    String id,
    String version,
    RuleMetadata metadata,
    int eventType,
    PlanExpr condition,
    List<GroupField> groupBy,
    WindowPlan window,
    List<SelectItem> select,
    SpikePlan spike,
    String location)
    implements Serializable {

  public AggregatePlan {
    groupBy = List.copyOf(groupBy);
    select = List.copyOf(select);
  }

  /** A group-by field. */
  public record GroupField(String name, int position, ValueType type) implements Serializable {}

  /** {@code select <aggregate> as name}. */
  public record SelectItem(String name, AggregateSpec aggregate) implements Serializable {}

  /** Window assignment, epoch-aligned; {@code window_end} is exclusive. */
  public record WindowPlan(WindowKind kind, long sizeMillis, long slideMillis) implements Serializable {}

  /** {@code TUMBLING} (slide = size), {@code SLIDING}, {@code SESSION} (size = gap). */
  public enum WindowKind { TUMBLING, SLIDING, SESSION }

  /**
   * {@code spike <condition> severity <level> [alert "..."]}: evaluated per closed window over the
   * select slots ({@link PlanExpr.WindowAggregate}), group fields ({@link PlanExpr.KeyField}) and
   * {@link PlanExpr.Baseline}s.
   */
  public record SpikePlan(PlanExpr condition, Severity severity, TemplatePlan alert) implements Serializable {}
}
