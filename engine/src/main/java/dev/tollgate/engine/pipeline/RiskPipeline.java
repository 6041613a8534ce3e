package dev.tollgate.engine.pipeline;

import dev.tollgate.dsl.plan.RuleBody;
import dev.tollgate.dsl.plan.RulePlan;
import dev.tollgate.dsl.plan.RuleSetPlan;
import dev.tollgate.engine.alert.Alert;
import dev.tollgate.engine.alert.AlertTypeInfo;
import dev.tollgate.engine.event.Event;
import dev.tollgate.engine.event.EventCatalog;
import dev.tollgate.engine.event.EventTypeInfo;
import dev.tollgate.engine.source.RawRecord;
import dev.tollgate.engine.event.Rejected;
import dev.tollgate.engine.pattern.PatternRulesOperator;
import dev.tollgate.engine.rules.RuleKeys;
import dev.tollgate.engine.rules.SingleEventRules;
import dev.tollgate.engine.window.WindowedRulesFunction;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;

/**
 * Assembles the risk rules of a compiled rule set onto a stream of decoded events:
 *
 * <pre>
 * raw records → admit (decode, event time, reject) ─┬→ single-event rules (one stateless operator)
 *                                                  ├→ keyBy(key) → windowed rules sharing that key
 *                                                  └→ keyBy(key) → pattern rules sharing that key
 * </pre>
 *
 * Admission and single-event rules run at the input's parallelism, chained to the source: no
 * event crosses the network before it is keyed.
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
   * rules), rejected records (malformed and late), and the admitted events for further consumers
   * (aggregates).
   */
  public record Streams(List<DataStream<Alert>> alerts, DataStream<Rejected> rejected, DataStream<Event> events) {
    public Streams {
      alerts = List.copyOf(alerts);
    }
  }

  /**
   * @param raw undecoded records without event time
   * @param defaultType the event type of records that do not name one (an input bound to a single
   *     type), or null
   */
  public static Streams attach(DataStream<RawRecord> raw, RuleSetPlan plan, PipelineOptions options, String defaultType) {
    return attach(raw, plan, options, defaultType, "");
  }

  /**
   * As {@link #attach(DataStream, RuleSetPlan, PipelineOptions, String)}, with every operator uid
   * starting with {@code uidPrefix}: uids must be unique within a job, so several pipelines can share
   * one job only under different prefixes (rule tests run one pipeline per test in a single job).
   */
  public static Streams attach(
      DataStream<RawRecord> raw, RuleSetPlan plan, PipelineOptions options, String defaultType, String uidPrefix) {
    EventCatalog catalog = new EventCatalog(plan.eventTypes());
    SingleOutputStreamOperator<Event> onTime = raw
        .transform("admit events", new EventTypeInfo(catalog),
            new AdmitEvents(catalog, defaultType, options, Outputs.REJECTED))
        .setParallelism(raw.getParallelism())
        .uid(uidPrefix + "admit-events");

    List<DataStream<Alert>> alerts = new ArrayList<>();
    AlertTypeInfo alertType = new AlertTypeInfo(catalog);
    List<RulePlan> singleEvent = RuleGroups.enabled(plan.rules(), RuleBody.SingleEvent.class);
    if (!singleEvent.isEmpty()) {
      alerts.add(onTime.flatMap(new SingleEventRules(singleEvent))
          .returns(alertType)
          .setParallelism(raw.getParallelism())
          .uid(uidPrefix + "single-event-rules")
          .name("single-event rules"));
    }
    for (RuleGroups.Group group : RuleGroups.of(plan.rules(), RuleBody.Windowed.class)) {
      RuleKeys keys = RuleKeys.forRules(group.rules());
      alerts.add(onTime.filter(keys).setParallelism(raw.getParallelism()).uid(uidPrefix + "windowed-input/" + group.signature()).name("keyed by " + group.signature())
          .keyBy(keys)
          .process(new WindowedRulesFunction(group.rules(), catalog))
          .returns(alertType)
          .uid(uidPrefix + "windowed/" + group.signature())
          .name("windowed rules by " + group.signature()));
    }
    for (RuleGroups.Group group : RuleGroups.of(plan.rules(), RuleBody.Pattern.class)) {
      RuleKeys keys = RuleKeys.forRules(group.rules());
      alerts.add(PatternRulesOperator.attach(
              onTime.filter(keys).setParallelism(raw.getParallelism()).uid(uidPrefix + "pattern-input/" + group.signature()).name("keyed by " + group.signature())
                  .keyBy(keys),
              group.rules(), catalog)
          .uid(uidPrefix + "patterns/" + group.signature()));
    }
    return new Streams(alerts, onTime.getSideOutput(Outputs.REJECTED), onTime);
  }
}
