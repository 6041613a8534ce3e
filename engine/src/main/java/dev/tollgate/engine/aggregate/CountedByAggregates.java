package dev.tollgate.engine.aggregate;

import dev.tollgate.dsl.plan.AggregatePlan;
import dev.tollgate.engine.event.Event;
import java.io.Serializable;
import java.util.List;

/**
 * Whether at least one of a rule set's aggregates counts an event: its type, its {@code where}
 * and a value in every group field, exactly as each aggregate's own input filter decides. The
 * admission operator asks this about an event that is too late for the rules but within the
 * aggregates' lateness: such an event is worth keeping only if some aggregate counts it.
 */
public final class CountedByAggregates implements Serializable {
  private static final long serialVersionUID = 1L;

  private final AggregateInput[] inputs;

  /** @param aggregates the enabled aggregates the pipeline runs */
  public CountedByAggregates(List<AggregatePlan> aggregates) {
    inputs = aggregates.stream().map(AggregateInput::new).toArray(AggregateInput[]::new);
  }

  public boolean test(Event event) {
    for (AggregateInput input : inputs) {
      if (input.counts(event)) {
        return true;
      }
    }
    return false;
  }

  public boolean isEmpty() {
    return inputs.length == 0;
  }
}
