package dev.tollgate.jobs.runtime;

import dev.tollgate.dsl.plan.RouteDestination;
import dev.tollgate.dsl.plan.RoutePlan;
import dev.tollgate.dsl.plan.RuleSetPlan;
import dev.tollgate.engine.alert.Alert;
import dev.tollgate.engine.event.EventCatalog;
import dev.tollgate.engine.route.RoutedAlert;
import dev.tollgate.engine.route.Routing;
import dev.tollgate.engine.route.RoutingOptions;
import dev.tollgate.engine.route.webhook.DeadLetter;
import dev.tollgate.engine.route.webhook.Secrets;
import dev.tollgate.engine.route.webhook.WebhookDelivery;
import dev.tollgate.jobs.config.JobSettings;
import dev.tollgate.jobs.kafka.KafkaOutput;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * Sends a job's alerts through {@link Routing} and connects every routed output to its
 * destination:
 *
 * <pre>
 * alerts → routing ─┬→ active alerts no route takes → topics.alerts                [kafka-sink/alerts]
 *                   ├→ shadow alerts                → topics.shadow                [kafka-sink/shadow]
 *                   ├→ case events                  → topics.cases                 [kafka-sink/cases]
 *                   ├→ Kafka route r   [route-topic/r] → the route's topic          [kafka-sink/routes]
 *                   └→ webhook route r [webhook/r]  → dead letters → topics.webhook-dead-letters
 *                                                                     [kafka-sink/webhook-dead-letters]
 * </pre>
 *
 * Every Kafka route shares one sink, so adding or removing a Kafka route leaves the sinks' state
 * as it is; the webhook dead-letter sink exists only while the rule set has a webhook route.
 */
final class RoutingStage {
  static final String ALERTS_SINK_UID = "kafka-sink/alerts";
  static final String SHADOW_SINK_UID = "kafka-sink/shadow";
  static final String CASES_SINK_UID = "kafka-sink/cases";
  static final String ROUTES_SINK_UID = "kafka-sink/routes";
  static final String WEBHOOK_DEAD_LETTERS_SINK_UID = "kafka-sink/webhook-dead-letters";

  private RoutingStage() {}

  /** @param alerts every alert stream of the job; at least one */
  static void attach(List<DataStream<Alert>> alerts, RuleSetPlan plan, EventCatalog catalog, JobSettings settings,
      KafkaOutput output) {
    JobSettings.Topics topics = settings.topics();
    Routing.Streams routed = Routing.attach(alerts, plan, catalog, new RoutingOptions(settings.caseSpan()));
    routed.unrouted().sinkTo(output.alerts(catalog))
        .uid(ALERTS_SINK_UID).name("alerts → " + topics.alerts());
    routed.shadow().sinkTo(output.shadow(catalog))
        .uid(SHADOW_SINK_UID).name("shadow alerts → " + topics.shadow());
    routed.cases().sinkTo(output.cases())
        .uid(CASES_SINK_UID).name("case events → " + topics.cases());

    Map<String, String> topicByRoute = new LinkedHashMap<>();
    List<DataStream<RoutedAlert>> toKafka = new ArrayList<>();
    List<DataStream<DeadLetter>> deadLetters = new ArrayList<>();
    for (RoutePlan route : plan.routes()) {
      DataStream<RoutedAlert> taken = routed.routes().get(route.name());
      if (route.destination() instanceof RouteDestination.Kafka kafka) {
        topicByRoute.put(route.name(), kafka.topic());
        toKafka.add(taken.map(new ForRoute(route.name())).returns(taken.getType())
            .uid("route-topic/" + route.name()).name("route " + route.name() + " → " + kafka.topic()));
      } else {
        deadLetters.add(WebhookDelivery.attach(taken, route, catalog, Secrets.environment(),
            WebhookDelivery.DEFAULT_CAPACITY));
      }
    }
    if (!toKafka.isEmpty()) {
      StreamingJob.union(toKafka).sinkTo(output.routes(topicByRoute, catalog))
          .uid(ROUTES_SINK_UID).name("Kafka routes → " + String.join(", ", topicByRoute.values()));
    }
    if (!deadLetters.isEmpty()) {
      StreamingJob.union(deadLetters).sinkTo(output.webhookDeadLetters())
          .uid(WEBHOOK_DEAD_LETTERS_SINK_UID).name("webhook dead letters → " + topics.webhookDeadLetters());
    }
  }

  /**
   * A routed alert narrowed to one route, which tells the shared Kafka sink the topic and the
   * {@code route} member to write; its case id is unchanged.
   */
  private static final class ForRoute implements MapFunction<RoutedAlert, RoutedAlert> {
    private static final long serialVersionUID = 1L;
    private final List<String> route;

    ForRoute(String route) {
      this.route = List.of(route);
    }

    @Override
    public RoutedAlert map(RoutedAlert routed) {
      return new RoutedAlert(routed.alert(), route, routed.caseId());
    }
  }
}
