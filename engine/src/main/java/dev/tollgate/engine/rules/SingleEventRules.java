package dev.tollgate.engine.rules;

import dev.tollgate.dsl.plan.Mode;
import dev.tollgate.dsl.plan.RuleBody;
import dev.tollgate.dsl.plan.RulePlan;
import dev.tollgate.engine.alert.Alert;
import dev.tollgate.engine.eval.Condition;
import dev.tollgate.engine.eval.ExpressionCompiler;
import dev.tollgate.engine.eval.TemplateRenderer;
import dev.tollgate.engine.event.Event;
import dev.tollgate.engine.metrics.RuleMetrics;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichFlatMapFunction;
import org.apache.flink.util.Collector;

/**
 * Every single-event rule of a rule set in one stateless function. Rules are indexed by event type
 * when the function opens, so an event meets only the rules written for its type and a rule set
 * with hundreds of rules costs each event a handful of condition tests. One alert per matching
 * event and rule; disabled rules are not run, shadow rules alert with mode {@code shadow}.
 *
 * <p>Single-event rules have no key, hence no per-key suppression: a {@code suppress} on such a
 * rule is not applied here.
 */
public final class SingleEventRules extends RichFlatMapFunction<Event, Alert> {
  private static final long serialVersionUID = 1L;
  private static final Object[] NO_KEY = new Object[0];

  private final List<RulePlan> rules;
  private transient Compiled[][] rulesByType;
  private transient MatchContext context;

  /** Takes any rules; only enabled single-event rules are kept. */
  public SingleEventRules(List<RulePlan> rules) {
    List<RulePlan> kept = new ArrayList<>();
    for (RulePlan rule : rules) {
      if (rule.body() instanceof RuleBody.SingleEvent && rule.metadata().mode() != Mode.DISABLED) {
        kept.add(rule);
      }
    }
    this.rules = List.copyOf(kept);
  }

  /** Whether any rule would run: lets a pipeline skip the operator altogether. */
  public boolean isEmpty() {
    return rules.isEmpty();
  }

  @Override
  public void open(OpenContext openContext) {
    ExpressionCompiler compiler = new ExpressionCompiler();
    int types = 0;
    for (RulePlan rule : rules) {
      types = Math.max(types, ((RuleBody.SingleEvent) rule.body()).eventType() + 1);
    }
    List<List<Compiled>> byType = new ArrayList<>();
    for (int i = 0; i < types; i++) {
      byType.add(new ArrayList<>());
    }
    for (RulePlan rule : rules) {
      RuleBody.SingleEvent body = (RuleBody.SingleEvent) rule.body();
      byType.get(body.eventType()).add(new Compiled(
          compiler.compileCondition(body.condition()), new TemplateRenderer(rule.alert(), compiler), new AlertFactory(rule),
          RuleMetrics.of(getRuntimeContext().getMetricGroup(), rule.id())));
    }
    rulesByType = new Compiled[types][];
    for (int i = 0; i < types; i++) {
      rulesByType[i] = byType.get(i).toArray(Compiled[]::new);
    }
    context = new MatchContext();
  }

  @Override
  public void flatMap(Event event, Collector<Alert> out) {
    int typeId = event.typeId();
    if (typeId >= rulesByType.length) {
      return;
    }
    Compiled[] candidates = rulesByType[typeId];
    if (candidates.length == 0) {
      return;
    }
    MatchContext ctx = context.event(event);
    for (Compiled rule : candidates) {
      rule.metrics.evaluated().inc();
      if (rule.condition.test(ctx)) {
        rule.metrics.alerts().inc();
        out.collect(rule.alerts.create(NO_KEY, List.of(event), rule.message.render(ctx), event.ts()));
      }
    }
  }

  /** One rule, compiled. */
  private record Compiled(Condition condition, TemplateRenderer message, AlertFactory alerts, RuleMetrics metrics) {}
}
