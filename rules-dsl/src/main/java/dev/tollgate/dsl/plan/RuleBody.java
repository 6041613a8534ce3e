package dev.tollgate.dsl.plan;

import java.io.Serializable;
import java.util.List;

/** What a rule matches: one of the three kinds of rule in the language. */
public sealed interface RuleBody extends Serializable {

  /** One alert per event of {@code eventType} satisfying {@code condition}. */
  record SingleEvent(int eventType, PlanExpr condition) implements RuleBody {}

  /**
   * On each event of {@code eventType} satisfying {@code condition}, the {@code aggregates} over
   * the key's passing events with ts in {@code (t - window, t]}; fires when {@code having} holds.
   */
  record Windowed(
      int eventType, PlanExpr condition, long windowMillis, List<AggregateSpec> aggregates, PlanExpr having)
      implements RuleBody {
    public Windowed {
      aggregates = List.copyOf(aggregates);
    }
  }

  /**
   * A sequence of steps per key. Exactly one of {@code withinMillis > 0} and {@code deadline !=
   * null} bounds it; a {@code deadline} is a timestamp expression over earlier steps and only
   * appears when the last step is an absence.
   */
  record Pattern(List<StepPlan> steps, long withinMillis, PlanExpr deadline) implements RuleBody {
    public Pattern {
      steps = List.copyOf(steps);
    }

    /** Whether the pattern ends in {@code then not}. */
    public boolean endsInAbsence() {
      return steps.get(steps.size() - 1).absent();
    }
  }
}
