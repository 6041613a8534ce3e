package dev.tollgate.engine.route;

import dev.tollgate.dsl.plan.RoutePlan;
import dev.tollgate.dsl.plan.RuleSetPlan;
import dev.tollgate.engine.alert.Alert;
import dev.tollgate.engine.alert.AlertTypeInfo;
import dev.tollgate.engine.cases.CaseEvent;
import dev.tollgate.engine.cases.CaseGrouping;
import dev.tollgate.engine.cases.CaseKeys;
import dev.tollgate.engine.event.EventCatalog;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.util.OutputTag;

/**
 * Attaches alert routing and case grouping to a job's alerts:
 *
 * <pre>
 * alerts ─→ route (stateless) ─┬→ shadow alerts ──────────────────────────────→ {@link Streams#shadow()}
 *                              ├→ active alerts no route takes ──────────────────→ {@link Streams#unrouted()}
 *                              └→ keyBy(case key) → cases ─┬→ case events ────────→ {@link Streams#cases()}
 *                                                          └→ split by route ─────→ {@link Streams#routes()}
 * </pre>
 *
 * The caller connects each output to its destination: Kafka sinks for Kafka routes and the
 * default, shadow and cases topics; {@link dev.tollgate.engine.route.webhook.WebhookDelivery} for
 * webhook routes; files for a backtest (a dry run). Operator uids are fixed ({@code route-alerts},
 * {@code cases}, {@code split-by-route}), so routes can change between savepoints without losing
 * open cases.
 */
public final class Routing {
  private Routing() {}

  /**
   * The routed outputs.
   *
   * @param routes per route name (every route of the plan, in plan order): the alerts it takes, each
   *     with its case id
   * @param unrouted active alerts no route takes: the default alerts topic
   * @param shadow alerts of shadow-mode rules: the shadow topic, never case management
   * @param cases case events
   */
  public record Streams(Map<String, DataStream<RoutedAlert>> routes, DataStream<Alert> unrouted,
      DataStream<Alert> shadow, DataStream<CaseEvent> cases) {
    public Streams {
      routes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(routes));
    }
  }

  /**
   * @param alerts every alert stream of the job (rule operators, spike alerts); at least one
   */
  public static Streams attach(List<DataStream<Alert>> alerts, RuleSetPlan plan, EventCatalog catalog,
      RoutingOptions options) {
    AlertTypeInfo alertType = new AlertTypeInfo(catalog);
    RoutedAlertTypeInfo routedType = new RoutedAlertTypeInfo(alertType);
    OutputTag<Alert> shadow = new OutputTag<>("shadow-alerts", alertType);
    OutputTag<Alert> unrouted = new OutputTag<>("unrouted-alerts", alertType);
    OutputTag<CaseEvent> caseEvents = new OutputTag<>("case-events", TypeInformation.of(CaseEvent.class));

    DataStream<Alert> all = alerts.get(0);
    for (DataStream<Alert> more : alerts.subList(1, alerts.size())) {
      all = all.union(more);
    }
    SingleOutputStreamOperator<RoutedAlert> decided = all
        .process(new RouteAlerts(plan.routes(), shadow, unrouted), routedType)
        .uid("route-alerts")
        .name("route alerts");
    SingleOutputStreamOperator<RoutedAlert> placed = decided
        .keyBy(new CaseKeys())
        .process(new CaseGrouping(options.caseSpan().toMillis(), routedType, caseEvents), routedType)
        .uid("cases")
        .name("group alerts into cases");

    Map<String, OutputTag<RoutedAlert>> tags = new LinkedHashMap<>();
    for (RoutePlan route : plan.routes()) {
      tags.put(route.name(), new OutputTag<>("route/" + route.name(), routedType));
    }
    SingleOutputStreamOperator<Void> split = placed
        .process(new SplitByRoute(tags), TypeInformation.of(Void.class))
        .uid("split-by-route")
        .name("split by route");
    Map<String, DataStream<RoutedAlert>> routes = new LinkedHashMap<>();
    tags.forEach((name, tag) -> routes.put(name, split.getSideOutput(tag)));
    return new Streams(routes, decided.getSideOutput(unrouted), decided.getSideOutput(shadow),
        placed.getSideOutput(caseEvents));
  }
}
