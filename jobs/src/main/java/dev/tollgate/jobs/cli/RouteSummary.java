package dev.tollgate.jobs.cli;

import dev.tollgate.dsl.plan.RouteDestination;
import dev.tollgate.dsl.plan.RoutePlan;

/** A route in one line, for {@code tollgate check}: {@code kafka "cases.aml"} or the webhook URL. */
final class RouteSummary {
  private RouteSummary() {}

  static String of(RoutePlan route) {
    if (route.destination() instanceof RouteDestination.Kafka kafka) {
      return "kafka \"" + kafka.topic() + "\"";
    }
    RouteDestination.Webhook webhook = (RouteDestination.Webhook) route.destination();
    return "webhook " + webhook.url() + " (secret env " + webhook.secretVariable() + ")";
  }
}
