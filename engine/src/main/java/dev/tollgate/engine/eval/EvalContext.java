package dev.tollgate.engine.eval;

import dev.tollgate.engine.event.Event;
import java.util.List;

/**
 * What a compiled expression reads. Operators implement it over their own state; a context is
 * reused across evaluations, so expressions must not keep references to it.
 */
public interface EvalContext {

  /** The current event ({@link dev.tollgate.dsl.plan.PlanExpr.EventField}); null if none. */
  Event event();

  /** The events accepted so far by pattern step {@code stepIndex}, in order; empty if none. */
  List<Event> stepEvents(int stepIndex);

  /** The value of aggregate slot {@code slot} ({@link dev.tollgate.dsl.plan.PlanExpr.WindowAggregate}). */
  Object aggregate(int slot);

  /** The i-th key (or group) field of the current match. */
  Object keyField(int index);

  /** The baseline of select slot {@code slot} over the previous {@code windows} windows. */
  Object baseline(int slot, int windows);
}
