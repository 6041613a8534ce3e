package dev.tollgate.engine.aggregate;

import dev.tollgate.dsl.plan.AggregatePlan;
import dev.tollgate.engine.event.Event;
import org.apache.flink.api.java.functions.KeySelector;

/** Partitions an aggregate's input by its {@link GroupKey}. Only sees events that have a group. */
final class GroupKeySelector implements KeySelector<Event, String> {
  private static final long serialVersionUID = 1L;

  private final GroupKey groupKey;

  GroupKeySelector(AggregatePlan plan) {
    this.groupKey = new GroupKey(plan.groupBy());
  }

  @Override
  public String getKey(Event event) {
    return groupKey.of(event);
  }
}
