package dev.tollgate.engine.aggregate;

import dev.tollgate.dsl.plan.AggregatePlan;
import dev.tollgate.engine.eval.Condition;
import dev.tollgate.engine.eval.ExpressionCompiler;
import dev.tollgate.engine.event.Event;
import dev.tollgate.engine.metrics.RuleMetrics;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichFlatMapFunction;
import org.apache.flink.util.Collector;

/**
 * Which events an aggregate counts: those of its event type that satisfy its {@code where}
 * condition and have a value in every group field (events with a null group field are skipped,
 * see {@link GroupKey}). Runs before the shuffle, so skipped events never leave the source task;
 * it also reduces each counted event to the fields the windows read ({@link ReadFields}), so the
 * shuffle carries a few fields instead of the whole event. Events of its type count as evaluated
 * in the aggregate's {@link RuleMetrics}.
 */
final class AggregateInput extends RichFlatMapFunction<Event, Event> {
  private static final long serialVersionUID = 1L;

  private final String aggregateId;
  private final int eventType;
  private final Condition condition;
  private final GroupKey groupKey;
  /** Positions the windows read; null to keep every field. */
  private final int[] readFields;
  private transient EventContext context;
  private transient RuleMetrics metrics;

  AggregateInput(AggregatePlan plan) {
    this.aggregateId = plan.id();
    this.eventType = plan.eventType();
    this.condition = new ExpressionCompiler().compileCondition(plan.condition());
    this.groupKey = new GroupKey(plan.groupBy());
    this.readFields = ReadFields.of(plan);
  }

  @Override
  public void open(OpenContext openContext) {
    context = new EventContext();
    metrics = RuleMetrics.of(getRuntimeContext().getMetricGroup(), aggregateId);
  }

  @Override
  public void flatMap(Event event, Collector<Event> out) {
    if (event.typeId() != eventType) {
      return;
    }
    metrics.evaluated().inc();
    if (matches(event)) {
      out.collect(readFields == null ? event : project(event));
    }
  }

  /**
   * Whether the aggregate counts the event, without touching metrics: also asked outside a running
   * function, by {@link CountedByAggregates} on behalf of the admission operator.
   */
  boolean counts(Event event) {
    return event.typeId() == eventType && matches(event);
  }

  private boolean matches(Event event) {
    if (context == null) {
      context = new EventContext();
    }
    return groupKey.hasGroup(event) && condition.test(context.at(event));
  }

  private Event project(Event event) {
    Object[] values = new Object[event.fieldCount()];
    for (int position : readFields) {
      values[position] = event.get(position);
    }
    return new Event(event.typeId(), values);
  }
}
