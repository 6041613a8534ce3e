package dev.tollgate.engine.pipeline;

import dev.tollgate.dsl.plan.AggregatePlan;
import dev.tollgate.dsl.plan.Mode;
import dev.tollgate.dsl.plan.RuleBody;
import dev.tollgate.dsl.plan.RulePlan;
import dev.tollgate.dsl.plan.RuleSetPlan;
import dev.tollgate.engine.aggregate.AggregateOperators;
import dev.tollgate.engine.aggregate.AggregateStreams;
import dev.tollgate.engine.aggregate.CountedByAggregates;
import dev.tollgate.engine.aggregate.WindowRecord;
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
import dev.tollgate.engine.window.WindowedRulesOperator;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.util.OutputTag;

/**
 * Assembles the rules and aggregates of a compiled rule set onto a stream of decoded events:
 *
 * <pre>
 * raw records → admit (decode, event time, reject) ─┬→ single-event rules (one stateless operator)
 *                                                  ├→ keyBy(key) → windowed rules sharing that key
 *                                                  ├→ keyBy(key) → pattern rules sharing that key
 *                                                  └→ per aggregate: filter → keyBy(group) → window
 *                                                       → window records [→ keyBy(group) → spike]
 * </pre>
 *
 * Admission, single-event rules and every keyed operator's input filter run at the input's
 * parallelism, chained to the source: no event crosses the network before it is keyed, and an
 * aggregate ships only the events it counts.
 *
 * <p>Every enabled aggregate runs; its window records form one of {@link Streams#aggregates()} and
 * its spike alerts join {@link Streams#alerts()}. With an aggregate lateness (see {@link
 * AdmitEvents}), events too late for the rules but within it reach the aggregates only; an event an
 * aggregate window still refuses (which admission rules out) would be rejected as late, never
 * dropped. A job runs part of a rule set by handing in a selected plan ({@code
 * RuleSelection.apply}).
 *
 * Operator uids are derived from what an operator runs — {@code single-event-rules}, {@code
 * windowed/<key fields>}, {@code patterns/<key fields>} — and every rule's state inside an
 * operator is namespaced by {@code ruleId@version}, so a savepoint taken before a rule-set change
 * restores the state of every unchanged rule.
 */
public final class RiskPipeline {
  private RiskPipeline() {}

  /**
   * The pipeline's outputs: one alert stream per rule operator and per aggregate with a spike (none
   * for a rule set without either), rejected records (malformed and late), the admitted on-time
   * events for further consumers, and one window-record stream per aggregate (type {@code
   * WindowRecordTypeInfo}; encode with {@code WindowRecordJson}).
   */
  public record Streams(
      List<DataStream<Alert>> alerts, DataStream<Rejected> rejected, DataStream<Event> events,
      List<DataStream<WindowRecord>> aggregates) {
    public Streams {
      alerts = List.copyOf(alerts);
      aggregates = List.copyOf(aggregates);
    }

    /** Every alert stream as one, or empty when nothing alerts. */
    public Optional<DataStream<Alert>> allAlerts() {
      return union(alerts);
    }

    /** Every aggregate's window records as one stream, or empty without aggregates. */
    public Optional<DataStream<WindowRecord>> allAggregateRecords() {
      return union(aggregates);
    }

    private static <T> Optional<DataStream<T>> union(List<DataStream<T>> streams) {
      if (streams.isEmpty()) {
        return Optional.empty();
      }
      DataStream<T> all = streams.get(0);
      for (int i = 1; i < streams.size(); i++) {
        all = all.union(streams.get(i));
      }
      return Optional.of(all);
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
    List<AggregatePlan> aggregatePlans = enabledAggregates(plan);
    OutputTag<Event> aggregatesOnlyTag = Outputs.aggregatesOnly(catalog);
    SingleOutputStreamOperator<Event> onTime = raw
        .transform("admit events", new EventTypeInfo(catalog),
            new AdmitEvents(catalog, defaultType, options, Outputs.REJECTED,
                new CountedByAggregates(aggregatePlans), aggregatesOnlyTag))
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
          .transform("windowed rules by " + group.signature(), alertType, new WindowedRulesOperator(group.rules(), catalog))
          .uid(uidPrefix + "windowed/" + group.signature()));
    }
    for (RuleGroups.Group group : RuleGroups.of(plan.rules(), RuleBody.Pattern.class)) {
      RuleKeys keys = RuleKeys.forRules(group.rules());
      alerts.add(PatternRulesOperator.attach(
              onTime.filter(keys).setParallelism(raw.getParallelism()).uid(uidPrefix + "pattern-input/" + group.signature()).name("keyed by " + group.signature())
                  .keyBy(keys),
              group.rules(), catalog)
          .uid(uidPrefix + "patterns/" + group.signature()));
    }
    DataStream<Rejected> rejected = onTime.getSideOutput(Outputs.REJECTED);
    List<DataStream<WindowRecord>> aggregates = new ArrayList<>();
    DataStream<Event> aggregatesOnly =
        options.aggregateLateness().isZero() ? null : onTime.getSideOutput(aggregatesOnlyTag);
    for (AggregatePlan aggregate : aggregatePlans) {
      AggregateStreams streams =
          AggregateOperators.build(onTime, aggregatesOnly, aggregate, catalog, options.aggregateLateness());
      aggregates.add(streams.records());
      streams.spikeAlerts().ifPresent(alerts::add);
      String uid = AggregateOperators.uid(aggregate) + "/late-rejects";
      rejected = rejected.union(streams.late()
          .map(new WindowClosedRejects(catalog, aggregate.id()))
          .returns(TypeInformation.of(Rejected.class))
          .uid(uid)
          .name(uid));
    }
    return new Streams(alerts, rejected, onTime, aggregates);
  }

  private static List<AggregatePlan> enabledAggregates(RuleSetPlan plan) {
    return plan.aggregates().stream().filter(a -> a.metadata().mode() != Mode.DISABLED).toList();
  }
}
