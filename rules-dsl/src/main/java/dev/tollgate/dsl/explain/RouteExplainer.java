package dev.tollgate.dsl.explain;

import dev.tollgate.dsl.plan.RouteDestination;
import dev.tollgate.dsl.plan.RoutePlan;

/** The {@code explain} text of a route: what it takes, where it delivers and how. */
final class RouteExplainer {
  private RouteExplainer() {}

  static String explain(RoutePlan route) {
    Section out = new Section("route " + route.name());
    out.line("version", route.version());
    out.line("when", RouteConditionPrinter.print(route.condition()));
    RouteDestination destination = route.destination();
    if (destination instanceof RouteDestination.Kafka kafka) {
      out.line("to", "kafka topic " + PlanExprPrinter.quote(kafka.topic()));
      out.line("delivery", "the job's Kafka sink, in the job's delivery mode");
    } else {
      RouteDestination.Webhook webhook = (RouteDestination.Webhook) destination;
      out.line("to", "webhook POST " + webhook.url());
      out.line("signed", "HMAC-SHA256 of the body with the secret in environment variable "
          + webhook.secretVariable() + " (header X-Tollgate-Signature)");
      out.line("delivery", "at least once, Idempotency-Key = alertId; " + PlanExprPrinter.duration(webhook.timeoutMillis())
          + " per attempt");
      out.item(retries(webhook));
    }
    out.line("carries", "the alert's JSON with caseId and route added");
    out.line("defined at", route.location());
    return out.toString();
  }

  private static String retries(RouteDestination.Webhook webhook) {
    if (webhook.retries() == 0) {
      return "no retries: a failed attempt goes to the dead-letter output";
    }
    return "up to " + webhook.retries() + (webhook.retries() == 1 ? " retry" : " retries")
        + " on 5xx, 408, 429, timeouts and connection errors, waiting "
        + PlanExprPrinter.duration(webhook.backoffMillis()) + " doubling each time, with jitter (Retry-After honoured);"
        + " then the dead-letter output";
  }

  /** What happens to alerts no route takes, and to shadow alerts. */
  static String unrouted() {
    return new Section("alerts no route takes")
        .line("active", "the default alerts output, without a case")
        .line("shadow", "the shadow output only: never routed, never in a case")
        .toString();
  }
}
