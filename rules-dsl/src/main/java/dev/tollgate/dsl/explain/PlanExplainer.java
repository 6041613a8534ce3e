package dev.tollgate.dsl.explain;

import dev.tollgate.dsl.plan.AggregatePlan;
import dev.tollgate.dsl.plan.EventTypePlan;
import dev.tollgate.dsl.plan.KeyPlan;
import dev.tollgate.dsl.plan.PlanExpr;
import dev.tollgate.dsl.plan.RoutePlan;
import dev.tollgate.dsl.plan.RuleBody;
import dev.tollgate.dsl.plan.RuleMetadata;
import dev.tollgate.dsl.plan.RulePlan;
import dev.tollgate.dsl.plan.RuleSetPlan;
import dev.tollgate.dsl.plan.StepPlan;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The output of {@code tollgate explain}: each compiled rule and aggregate described for an analyst
 * — what it reads, how it is keyed, what it matches (conditions printed back in rule syntax by
 * {@link PlanExprPrinter}), what it emits and what state it keeps per key. Reads only the plan, so
 * it shows what the engine will run, after constants and {@code --param} overrides were inlined.
 *
 * <p>The output is stable: the same plan always prints the same text, so it can be compared in
 * golden tests and diffed between rule-set versions.
 */
public final class PlanExplainer {
  private final RuleSetPlan plan;

  public PlanExplainer(RuleSetPlan plan) {
    this.plan = plan;
  }

  /** Every rule, then every aggregate, then every route, in plan order, separated by blank lines. */
  public String explainAll() {
    List<String> blocks = new ArrayList<>();
    plan.rules().forEach(rule -> blocks.add(explain(rule)));
    plan.aggregates().forEach(aggregate -> blocks.add(explain(aggregate)));
    plan.routes().forEach(route -> blocks.add(explain(route)));
    if (!plan.routes().isEmpty()) {
      blocks.add(RouteExplainer.unrouted());
    }
    return String.join("\n", blocks);
  }

  /** One route. */
  public String explain(RoutePlan route) {
    return RouteExplainer.explain(route);
  }

  /** The rule, aggregate or route with this id ({@code --rule ID}), if there is one. */
  public Optional<String> explain(String id) {
    for (RoutePlan route : plan.routes()) {
      if (route.name().equals(id)) {
        return Optional.of(explain(route));
      }
    }
    for (RulePlan rule : plan.rules()) {
      if (rule.id().equals(id)) {
        return Optional.of(explain(rule));
      }
    }
    for (AggregatePlan aggregate : plan.aggregates()) {
      if (aggregate.id().equals(id)) {
        return Optional.of(explain(aggregate));
      }
    }
    return Optional.empty();
  }

  /** One rule. */
  public String explain(RulePlan rule) {
    PlanExprPrinter printer = printerFor(rule.body());
    Section out = new Section("rule " + rule.id());
    out.line("version", rule.version());
    metadata(out, rule.metadata());
    RuleBody body = rule.body();
    if (body instanceof RuleBody.SingleEvent single) {
      out.line("kind", "single event: one alert per matching event");
      out.line("reads", typeName(single.eventType()));
      out.line("key", key(rule.key()));
      out.line("where", condition(single.condition(), printer));
    } else if (body instanceof RuleBody.Windowed windowed) {
      String window = PlanExprPrinter.duration(windowed.windowMillis());
      out.line("kind", "windowed aggregate");
      out.line("reads", typeName(windowed.eventType()));
      out.line("key", key(rule.key()));
      out.line("where", condition(windowed.condition(), printer));
      out.line("window", window + ": on each passing event at t, the key's passing events with ts in (t - "
          + window + ", t]");
      out.line("aggregates", windowed.aggregates().stream().map(printer::aggregate).collect(Collectors.joining(", ")));
      out.line("having", printer.print(windowed.having()));
    } else {
      pattern(out, rule, (RuleBody.Pattern) body, printer);
    }
    out.line("suppress", rule.suppressMillis() > 0
        ? PlanExprPrinter.duration(rule.suppressMillis()) + (rule.key().isEmpty() ? "" : " per key")
            + " of event time after each alert"
        : "none: every match alerts");
    out.line("alert", Templates.print(rule.alert()));
    out.line("state", StateDescription.of(rule, printer));
    out.line("defined at", rule.location());
    return out.toString();
  }

  /** One aggregate block. */
  public String explain(AggregatePlan aggregate) {
    List<String> slots = aggregate.select().stream().map(AggregatePlan.SelectItem::name).toList();
    PlanExprPrinter printer = new PlanExprPrinter(plan.eventTypes(), List.of(), slots);
    Section out = new Section("aggregate " + aggregate.id());
    out.line("version", aggregate.version());
    if (aggregate.metadata() != null) {
      metadata(out, aggregate.metadata());
    }
    AggregatePlan.WindowPlan window = aggregate.window();
    out.line("kind", window.kind().name().toLowerCase(java.util.Locale.ROOT)
        + " window aggregate: one record per group per closed window");
    out.line("reads", typeName(aggregate.eventType()));
    out.line("group by", aggregate.groupBy().isEmpty() ? "nothing (one group)" : aggregate.groupBy().stream()
        .map(g -> g.name() + " (" + g.type() + ")").collect(Collectors.joining(", ")));
    out.line("where", condition(aggregate.condition(), printer));
    out.line("window", window(window));
    out.line("select", aggregate.select().stream()
        .map(item -> printer.aggregate(item.aggregate()) + " as " + item.name())
        .collect(Collectors.joining(", ")));
    if (aggregate.spike() != null) {
      out.line("spike", printer.print(aggregate.spike().condition()) + ", severity "
          + aggregate.spike().severity().keyword());
      out.line("spike alert", Templates.print(aggregate.spike().alert()));
    }
    List<String> members = new ArrayList<>(List.of("aggregate", "window_start", "window_end"));
    aggregate.groupBy().forEach(g -> members.add(g.name()));
    members.addAll(slots);
    out.line("emits", members.stream().map(PlanExprPrinter::quote).collect(Collectors.joining(", ", "{", "}")));
    out.line("state", StateDescription.of(aggregate, printer));
    out.line("defined at", aggregate.location());
    return out.toString();
  }

  private void pattern(Section out, RulePlan rule, RuleBody.Pattern pattern, PlanExprPrinter printer) {
    long steps = pattern.steps().stream().filter(s -> !s.absent()).count();
    out.line("kind", "pattern of " + pattern.steps().size() + " steps"
        + (steps < pattern.steps().size() ? " (" + (pattern.steps().size() - steps) + " absence)" : ""));
    Set<String> types = new LinkedHashSet<>();
    pattern.steps().forEach(step -> types.add(typeName(step.eventType())));
    out.line("reads", String.join(", ", types));
    out.line("key", key(rule.key()));
    out.line("steps", "");
    String previous = null;
    for (int i = 0; i < pattern.steps().size(); i++) {
      StepPlan step = pattern.steps().get(i);
      out.item((i + 1) + ". " + step(step, i, printer) + absence(pattern, i, previous));
      if (!step.absent()) {
        previous = step.alias();
      }
    }
    if (pattern.deadline() != null) {
      out.line("deadline", printer.print(pattern.deadline()));
    } else {
      out.line("within", PlanExprPrinter.duration(pattern.withinMillis()) + " from the first to the last event");
    }
  }

  private String step(StepPlan step, int index, PlanExprPrinter printer) {
    StringBuilder text = new StringBuilder();
    if (index > 0) {
      text.append(step.contiguity() == StepPlan.Contiguity.STRICT ? "then next " : "then ");
    }
    text.append(step.absent() ? "not " : step.alias() + ": ").append(typeName(step.eventType()));
    if (!isTrue(step.condition())) {
      text.append(" where ").append(printer.print(step.condition()));
    }
    String quantifier = quantifier(step);
    if (!quantifier.isEmpty()) {
      text.append("  ").append(quantifier);
    }
    return text.toString();
  }

  private String absence(RuleBody.Pattern pattern, int index, String previous) {
    if (!pattern.steps().get(index).absent()) {
      return "";
    }
    if (index == pattern.steps().size() - 1) {
      return pattern.deadline() != null
          ? "  (absence: fires once event time passes the deadline with no such event)"
          : "  (absence: fires once event time is " + PlanExprPrinter.duration(pattern.withinMillis()) + " past "
              + previous + " with no such event)";
    }
    String next = pattern.steps().subList(index + 1, pattern.steps().size()).stream()
        .filter(s -> !s.absent()).map(StepPlan::alias).findFirst().orElse("the next step");
    return "  (absence: no such event between " + previous + " and " + next + ")";
  }

  private static String quantifier(StepPlan step) {
    int min = step.minOccurrences();
    int max = step.maxOccurrences();
    if (step.absent() || (min == 1 && max == 1)) {
      return "";
    }
    if (min == 0 && max == 1) {
      return "optional";
    }
    if (max == StepPlan.UNBOUNDED) {
      return "repeat " + min + "+";
    }
    return min == max ? "repeat " + min : "repeat " + min + ".." + max;
  }

  private static void metadata(Section out, RuleMetadata metadata) {
    out.line("severity", metadata.severity() == null ? null : metadata.severity().keyword());
    out.line("category", metadata.category());
    out.line("mode", metadata.mode() == null ? null : metadata.mode().keyword());
    out.line("title", metadata.title());
    out.line("description", metadata.description());
    out.line("owner", metadata.owner());
    out.line("tags", metadata.tags().isEmpty() ? null : String.join(", ", metadata.tags()));
  }

  private static String window(AggregatePlan.WindowPlan window) {
    String size = PlanExprPrinter.duration(window.sizeMillis());
    return switch (window.kind()) {
      case TUMBLING -> "tumbling " + size + ", aligned to the epoch: [start, start + " + size + ")";
      case SLIDING -> "sliding " + size + " every " + PlanExprPrinter.duration(window.slideMillis())
          + ", aligned to the epoch: [start, start + " + size + ")";
      case SESSION -> "session, gap " + size + ": a group's window closes after " + size + " without events";
    };
  }

  private String key(KeyPlan key) {
    if (key.isEmpty()) {
      return "none";
    }
    List<String> fields = new ArrayList<>();
    for (int i = 0; i < key.fields().size(); i++) {
      fields.add(key.fields().get(i) + " (" + key.types().get(i) + ")");
    }
    return String.join(", ", fields);
  }

  private static String condition(PlanExpr condition, PlanExprPrinter printer) {
    return isTrue(condition) ? "every event" : printer.print(condition);
  }

  private static boolean isTrue(PlanExpr condition) {
    return condition == null || condition instanceof PlanExpr.Literal literal && Boolean.TRUE.equals(literal.value());
  }

  private PlanExprPrinter printerFor(RuleBody body) {
    if (body instanceof RuleBody.Windowed windowed) {
      PlanExprPrinter plain = new PlanExprPrinter(plan.eventTypes(), List.of(), List.of());
      return new PlanExprPrinter(plan.eventTypes(), List.of(),
          windowed.aggregates().stream().map(plain::aggregate).toList());
    }
    if (body instanceof RuleBody.Pattern pattern) {
      return new PlanExprPrinter(plan.eventTypes(), pattern.steps(), List.of());
    }
    return new PlanExprPrinter(plan.eventTypes(), List.of(), List.of());
  }

  private String typeName(int typeId) {
    List<EventTypePlan> types = plan.eventTypes();
    return typeId >= 0 && typeId < types.size() ? types.get(typeId).name() : "event type #" + typeId;
  }
}
