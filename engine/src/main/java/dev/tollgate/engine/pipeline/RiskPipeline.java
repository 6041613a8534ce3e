package dev.tollgate.engine.pipeline;

import dev.tollgate.dsl.plan.RuleBody;
import dev.tollgate.dsl.plan.RulePlan;
import dev.tollgate.dsl.plan.RuleSetPlan;
import dev.tollgate.engine.alert.Alert;
import dev.tollgate.engine.alert.AlertTypeInfo;
import dev.tollgate.engine.event.Event;
import dev.tollgate.engine.event.EventCatalog;
import dev.tollgate.engine.event.Rejected;
import dev.tollgate.engine.pattern.PatternRulesOperator;
import dev.tollgate.engine.rules.RuleKeys;
import dev.tollgate.engine.rules.SingleEventRules;
import dev.tollgate.engine.window.WindowedRulesFunction;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;

/**
 * Assembles the risk rules of a compiled rule set onto a stream of decoded events:
 *
 * <pre>
 * events → watermarks → late filter ─┬→ single-event rules (one stateless operator)
 *                                    ├→ keyBy(key) → windowed rules sharing that key (one operator per key)
 *                                    └→ keyBy(key) → pattern rules sharing that key (one operator per key)
 * </pre>
 *
 * Operator uids are derived from what an operator runs — {@code single-event-rules}, {@code
 * windowed/<key fields>}, {@code patterns/<key fields>} — and every rule's state inside an
 * operator is namespaced by {@code ruleId@version}, so a savepoint taken before a rule-set change
 * restores the state of every unchanged rule.
 */
public final class RiskPipeline {
  private RiskPipeline() {}

  /**
   * The pipeline's outputs: one alert stream per rule operator (none for a rule set without risk
   * rules), events rejected as late, and the on-time events for further consumers (aggregates).
   */
  public record Streams(List<DataStream<Alert>> alerts, DataStream<Rejected> late, DataStream<Event> onTimeEvents) {
    public Streams {
      alerts = List.copyOf(alerts);
    }
  }

  /**
   * @param events decoded events without timestamps or watermarks; typed with {@link
   *     dev.tollgate.engine.event.EventTypeInfo}
   */
  public static Streams attach(DataStream<Event> events, RuleSetPlan plan, PipelineOptions options) {
    EventCatalog catalog = new EventCatalog(plan.eventTypes());
    SingleOutputStreamOperator<Event> timed = events
        .assignTimestampsAndWatermarks(watermarks(options))
        .uid("watermarks")
        .name("event time");
    SingleOutputStreamOperator<Event> onTime = timed
        .process(new LateEventFilter(catalog))
        .returns(timed.getType())
        .uid("late-filter")
        .name("late events");

    List<DataStream<Alert>> alerts = new ArrayList<>();
    AlertTypeInfo alertType = new AlertTypeInfo(catalog);
    List<RulePlan> singleEvent = RuleGroups.enabled(plan.rules(), RuleBody.SingleEvent.class);
    if (!singleEvent.isEmpty()) {
      alerts.add(onTime.flatMap(new SingleEventRules(singleEvent))
          .returns(alertType)
          .uid("single-event-rules")
          .name("single-event rules"));
    }
    for (RuleGroups.Group group : RuleGroups.of(plan.rules(), RuleBody.Windowed.class)) {
      RuleKeys keys = RuleKeys.forRules(group.rules());
      alerts.add(onTime.filter(keys).uid("windowed-input/" + group.signature()).name("keyed by " + group.signature())
          .keyBy(keys)
          .process(new WindowedRulesFunction(group.rules(), catalog))
          .returns(alertType)
          .uid("windowed/" + group.signature())
          .name("windowed rules by " + group.signature()));
    }
    for (RuleGroups.Group group : RuleGroups.of(plan.rules(), RuleBody.Pattern.class)) {
      RuleKeys keys = RuleKeys.forRules(group.rules());
      alerts.add(PatternRulesOperator.attach(
              onTime.filter(keys).uid("pattern-input/" + group.signature()).name("keyed by " + group.signature())
                  .keyBy(keys),
              group.rules(), catalog)
          .uid("patterns/" + group.signature()));
    }
    return new Streams(alerts, onTime.getSideOutput(LateEventFilter.LATE), onTime);
  }

  static WatermarkStrategy<Event> watermarks(PipelineOptions options) {
    WatermarkStrategy<Event> strategy = WatermarkStrategy.<Event>forBoundedOutOfOrderness(options.outOfOrderness())
        .withTimestampAssigner((event, previous) -> event.ts());
    return options.idleTimeout().isZero() ? strategy : strategy.withIdleness(options.idleTimeout());
  }
}
