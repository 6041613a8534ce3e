package dev.tollgate.engine.aggregate;

import dev.tollgate.dsl.plan.AggregatePlan;
import dev.tollgate.dsl.plan.AggregatePlan.SelectItem;
import dev.tollgate.engine.eval.Evaluator;
import dev.tollgate.engine.eval.ExpressionCompiler;
import dev.tollgate.engine.event.Event;
import java.util.List;
import org.apache.flink.api.common.functions.AggregateFunction;

/**
 * Incremental aggregation of an aggregate's select items: each event updates one slot per item
 * (its argument evaluated once), so a window keeps an {@link Accumulator} per group instead of
 * its events. The result is a {@link WindowRecord} without window or group, which {@link
 * WindowRecordEmitter} completes.
 */
final class SelectAggregator implements AggregateFunction<Event, Accumulator, WindowRecord> {
  private static final long serialVersionUID = 1L;

  private final String aggregateId;
  private final SlotKind[] kinds;
  /** The argument of each slot; null for {@code count()}, which counts events. */
  private final Evaluator[] arguments;
  private transient EventContext context;

  SelectAggregator(AggregatePlan plan) {
    ExpressionCompiler compiler = new ExpressionCompiler();
    List<SelectItem> select = plan.select();
    this.aggregateId = plan.id();
    this.kinds = new SlotKind[select.size()];
    this.arguments = new Evaluator[select.size()];
    for (int i = 0; i < select.size(); i++) {
      kinds[i] = SlotKind.of(select.get(i).aggregate());
      if (select.get(i).aggregate().argument() != null) {
        arguments[i] = compiler.compile(select.get(i).aggregate().argument());
      }
    }
  }

  /** The slot kinds, for the accumulator's type information. */
  SlotKind[] kinds() {
    return kinds.clone();
  }

  @Override
  public Accumulator createAccumulator() {
    return Accumulator.create(kinds);
  }

  @Override
  public Accumulator add(Event event, Accumulator accumulator) {
    if (context == null) {
      context = new EventContext();
    }
    context.at(event);
    Object[] states = accumulator.states;
    for (int i = 0; i < kinds.length; i++) {
      Object value = arguments[i] == null ? Boolean.TRUE : arguments[i].evaluate(context);
      if (value != null) {
        states[i] = kinds[i].add(states[i], value);
      }
    }
    return accumulator;
  }

  @Override
  public WindowRecord getResult(Accumulator accumulator) {
    Object[] values = new Object[kinds.length];
    for (int i = 0; i < kinds.length; i++) {
      values[i] = kinds[i].result(accumulator.states[i]);
    }
    return new WindowRecord(aggregateId, 0, 0, List.of(), java.util.Arrays.asList(values));
  }

  @Override
  public Accumulator merge(Accumulator a, Accumulator b) {
    for (int i = 0; i < kinds.length; i++) {
      a.states[i] = kinds[i].merge(a.states[i], b.states[i]);
    }
    return a;
  }
}
