package dev.tollgate.engine.aggregate;

import dev.tollgate.dsl.plan.AggregatePlan;
import dev.tollgate.engine.eval.Condition;
import dev.tollgate.engine.eval.ExpressionCompiler;
import dev.tollgate.engine.event.Event;
import org.apache.flink.api.common.functions.FilterFunction;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.util.Collector;

/**
 * Which events an aggregate counts: those of its event type that satisfy its {@code where}
 * condition and have a value in every group field (events with a null group field are skipped,
 * see {@link GroupKey}). Runs before the shuffle, so skipped events never leave the source task;
 * as a flat map it also reduces each counted event to the fields the windows read ({@link
 * ReadFields}), so the shuffle carries a few fields instead of the whole event.
 */
final class AggregateInput implements FilterFunction<Event>, FlatMapFunction<Event, Event> {
  private static final long serialVersionUID = 1L;

  private final int eventType;
  private final Condition condition;
  private final GroupKey groupKey;
  /** Positions the windows read; null to keep every field. */
  private final int[] readFields;
  private transient EventContext context;

  AggregateInput(AggregatePlan plan) {
    this.eventType = plan.eventType();
    this.condition = new ExpressionCompiler().compileCondition(plan.condition());
    this.groupKey = new GroupKey(plan.groupBy());
    this.readFields = ReadFields.of(plan);
  }

  @Override
  public boolean filter(Event event) {
    if (event.typeId() != eventType) {
      return false;
    }
    if (context == null) {
      context = new EventContext();
    }
    return groupKey.hasGroup(event) && condition.test(context.at(event));
  }

  @Override
  public void flatMap(Event event, Collector<Event> out) {
    if (filter(event)) {
      out.collect(readFields == null ? event : project(event));
    }
  }

  private Event project(Event event) {
    Object[] values = new Object[event.fieldCount()];
    for (int position : readFields) {
      values[position] = event.get(position);
    }
    return new Event(event.typeId(), values);
  }
}
