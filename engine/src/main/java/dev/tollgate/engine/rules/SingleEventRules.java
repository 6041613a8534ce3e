package dev.tollgate.engine.rules;

import dev.tollgate.dsl.plan.Mode;
import dev.tollgate.dsl.plan.RuleBody;
import dev.tollgate.dsl.plan.RulePlan;
import dev.tollgate.engine.alert.Alert;
import dev.tollgate.engine.eval.Condition;
import dev.tollgate.engine.eval.ConditionIndex;
import dev.tollgate.engine.eval.ExpressionCompiler;
import dev.tollgate.engine.eval.TemplateRenderer;
import dev.tollgate.engine.event.Event;
import dev.tollgate.engine.metrics.EvaluatedCounters;
import dev.tollgate.engine.metrics.RuleMetrics;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichFlatMapFunction;
import org.apache.flink.util.Collector;

/**
 * Every single-event rule of a rule set in one stateless function. Rules are indexed by event type
 * and by the field constants their conditions require ({@link ConditionIndex}) when the function
 * opens, so an event meets only the rules that could match it and a rule set with hundreds of
 * rules costs each event a handful of condition tests. One alert per matching
 * event and rule; disabled rules are not run, shadow rules alert with mode {@code shadow}.
 *
 * <p>Single-event rules have no key, hence no per-key suppression: a {@code suppress} on such a
 * rule is not applied here.
 */
public final class SingleEventRules extends RichFlatMapFunction<Event, Alert> {
  private static final long serialVersionUID = 1L;
  private static final Object[] NO_KEY = new Object[0];

  private final List<RulePlan> rules;
  private transient Compiled[] compiled;
  private transient EvaluatedCounters evaluated;
  private transient ConditionIndex index;
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
    evaluated = new EvaluatedCounters();
    List<ConditionIndex.Entry> entries = new ArrayList<>();
    compiled = new Compiled[rules.size()];
    for (int i = 0; i < rules.size(); i++) {
      RulePlan rule = rules.get(i);
      RuleBody.SingleEvent body = (RuleBody.SingleEvent) rule.body();
      compiled[i] = new Compiled(
          compiler.compileCondition(body.condition()), new TemplateRenderer(rule.alert(), compiler), new AlertFactory(rule),
          RuleMetrics.of(getRuntimeContext().getMetricGroup(), rule.id(), evaluated.forType(body.eventType())));
      entries.add(new ConditionIndex.Entry(i, body.eventType(), body.condition()));
    }
    index = new ConditionIndex(entries);
    context = new MatchContext();
  }

  @Override
  public void flatMap(Event event, Collector<Alert> out) {
    if (!evaluated.count(event.typeId())) {
      return;
    }
    MatchContext ctx = context.event(event);
    for (int candidate : index.candidates(event)) {
      Compiled rule = compiled[candidate];
      if (rule.condition.test(ctx)) {
        rule.metrics.alerts().inc();
        out.collect(rule.alerts.create(NO_KEY, List.of(event), rule.message.render(ctx), event.ts()));
      }
    }
  }

  /** One rule, compiled. */
  private record Compiled(Condition condition, TemplateRenderer message, AlertFactory alerts, RuleMetrics metrics) {}
}
