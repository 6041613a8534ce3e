package dev.tollgate.engine.aggregate;

import dev.tollgate.dsl.plan.AggregatePlan;
import dev.tollgate.engine.eval.Condition;
import dev.tollgate.engine.eval.ExpressionCompiler;
import dev.tollgate.engine.event.Event;
import dev.tollgate.engine.metrics.RuleMetrics;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichFilterFunction;

/**
 * Which events an aggregate counts: those of its event type that satisfy its {@code where}
 * condition and have a value in every group field (events with a null group field are skipped,
 * see {@link GroupKey}). Runs before the shuffle, so skipped events never leave the source task.
 * Events of its type count as evaluated in the aggregate's {@link RuleMetrics}.
 */
final class AggregateInput extends RichFilterFunction<Event> {
  private static final long serialVersionUID = 1L;

  private final int eventType;
  private final Condition condition;
  private final GroupKey groupKey;
  private final String aggregateId;
  private transient EventContext context;
  private transient RuleMetrics metrics;

  AggregateInput(AggregatePlan plan) {
    this.aggregateId = plan.id();
    this.eventType = plan.eventType();
    this.condition = new ExpressionCompiler().compileCondition(plan.condition());
    this.groupKey = new GroupKey(plan.groupBy());
  }

  @Override
  public void open(OpenContext openContext) {
    context = new EventContext();
    metrics = RuleMetrics.of(getRuntimeContext().getMetricGroup(), aggregateId);
  }

  @Override
  public boolean filter(Event event) {
    if (event.typeId() != eventType) {
      return false;
    }
    metrics.evaluated().inc();
    return matches(event);
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
    return condition.test(context.at(event)) && groupKey.of(event) != null;
  }
}
