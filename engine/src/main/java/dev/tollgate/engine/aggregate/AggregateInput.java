package dev.tollgate.engine.aggregate;

import dev.tollgate.dsl.plan.AggregatePlan;
import dev.tollgate.engine.eval.Condition;
import dev.tollgate.engine.eval.ExpressionCompiler;
import dev.tollgate.engine.event.Event;
import org.apache.flink.api.common.functions.FilterFunction;

/**
 * Which events an aggregate counts: those of its event type that satisfy its {@code where}
 * condition and have a value in every group field (events with a null group field are skipped,
 * see {@link GroupKey}). Runs before the shuffle, so skipped events never leave the source task.
 */
final class AggregateInput implements FilterFunction<Event> {
  private static final long serialVersionUID = 1L;

  private final int eventType;
  private final Condition condition;
  private final GroupKey groupKey;
  private transient EventContext context;

  AggregateInput(AggregatePlan plan) {
    this.eventType = plan.eventType();
    this.condition = new ExpressionCompiler().compileCondition(plan.condition());
    this.groupKey = new GroupKey(plan.groupBy());
  }

  @Override
  public boolean filter(Event event) {
    if (event.typeId() != eventType) {
      return false;
    }
    if (context == null) {
      context = new EventContext();
    }
    return condition.test(context.at(event)) && groupKey.of(event) != null;
  }
}
