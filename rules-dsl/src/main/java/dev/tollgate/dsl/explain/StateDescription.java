package dev.tollgate.dsl.explain;

import dev.tollgate.dsl.plan.AggregatePlan;
import dev.tollgate.dsl.plan.PlanExpr;
import dev.tollgate.dsl.plan.PlanExprs;
import dev.tollgate.dsl.plan.RuleBody;
import dev.tollgate.dsl.plan.RulePlan;
import dev.tollgate.dsl.plan.StepPlan;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What state a rule or aggregate keeps, in words: the figure an operator needs to size state
 * backends and a reviewer needs to see that nothing grows without bound.
 */
final class StateDescription {
  private StateDescription() {}

  static String of(RulePlan rule, PlanExprPrinter printer) {
    String perKey = "per " + String.join(", ", rule.key().fields()) + ": ";
    String suppression = rule.suppressMillis() > 0 ? ", suppression timestamp" : "";
    RuleBody body = rule.body();
    if (body instanceof RuleBody.SingleEvent) {
      return rule.suppressMillis() > 0
          ? "the time of the last alert (one for the whole rule: a single-event rule has no key)"
          : "none";
    }
    if (body instanceof RuleBody.Windowed windowed) {
      String values = windowed.aggregates().stream().map(printer::aggregate).collect(Collectors.joining(", "));
      return perKey + "the window's passing events (ts + values for " + values + ") for up to "
          + PlanExprPrinter.duration(windowed.windowMillis()) + suppression;
    }
    RuleBody.Pattern pattern = (RuleBody.Pattern) body;
    long steps = pattern.steps().stream().filter(s -> !s.absent()).count();
    String bound = pattern.deadline() != null
        ? "until the deadline (" + printer.print(pattern.deadline()) + ")"
        : "for up to " + PlanExprPrinter.duration(pattern.withinMillis());
    StringBuilder out = new StringBuilder(perKey).append("partial matches of up to ").append(steps)
        .append(steps == 1 ? " step " : " steps ").append(bound).append(" (CEP NFA state + shared buffer)");
    List<String> unbounded = pattern.steps().stream()
        .filter(s -> !s.absent() && s.maxOccurrences() == StepPlan.UNBOUNDED)
        .map(StepPlan::alias)
        .toList();
    if (!unbounded.isEmpty()) {
      out.append("; ").append(String.join(", ", unbounded))
          .append(unbounded.size() == 1 ? " keeps" : " keep").append(" every repeated event within that span");
    }
    if (pattern.endsInAbsence()) {
      out.append(", one event-time timer per partial match");
    }
    return out.append(suppression).toString();
  }

  static String of(AggregatePlan aggregate, PlanExprPrinter printer) {
    String perGroup = aggregate.groupBy().isEmpty()
        ? "for the whole stream: "
        : "per " + aggregate.groupBy().stream().map(AggregatePlan.GroupField::name).collect(Collectors.joining(", "))
            + ": ";
    String accumulators = aggregate.select().stream()
        .map(item -> printer.aggregate(item.aggregate()))
        .collect(Collectors.joining(", "));
    AggregatePlan.WindowPlan window = aggregate.window();
    String windows = switch (window.kind()) {
      case TUMBLING -> "one accumulator (" + accumulators + ") for the open window";
      case SLIDING -> "one accumulator (" + accumulators + ") per open overlapping window (up to "
          + ceilDiv(window.sizeMillis(), window.slideMillis()) + ")";
      case SESSION -> "one accumulator (" + accumulators + ") per open session, merged when sessions meet";
    };
    StringBuilder out = new StringBuilder(perGroup).append(windows);
    if (aggregate.spike() != null) {
      for (int slot : baselineSlots(aggregate.spike().condition())) {
        int windowsKept = baselineWindows(aggregate.spike().condition(), slot);
        out.append("; the last ").append(windowsKept).append(" closed windows' ")
            .append(aggregate.select().get(slot).name()).append(" for baseline");
      }
    }
    return out.toString();
  }

  private static long ceilDiv(long size, long slide) {
    return slide <= 0 ? 1 : (size + slide - 1) / slide;
  }

  private static List<Integer> baselineSlots(PlanExpr expression) {
    return PlanExprs.find(expression, PlanExpr.Baseline.class).stream().map(PlanExpr.Baseline::slot).distinct().sorted().toList();
  }

  private static int baselineWindows(PlanExpr expression, int slot) {
    return PlanExprs.find(expression, PlanExpr.Baseline.class).stream().filter(b -> b.slot() == slot)
        .mapToInt(PlanExpr.Baseline::windows).max().orElse(0);
  }
}
