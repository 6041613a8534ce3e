package dev.tollgate.engine.route.webhook;

import dev.tollgate.dsl.plan.RouteDestination;
import dev.tollgate.dsl.plan.RoutePlan;
import dev.tollgate.engine.event.EventCatalog;
import dev.tollgate.engine.route.RoutedAlert;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.AsyncDataStream;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;

/**
 * Attaches a webhook route's delivery to its stream of routed alerts (from {@link
 * dev.tollgate.engine.route.Routing}): Flink's async I/O operator, unordered (an alert waiting for
 * a retry does not hold back the others), around a {@link WebhookFunction}. The operator
 * checkpoints the alerts in flight and re-sends them after a restore. Its output is the dead
 * letters, for the dead-letter topic.
 */
public final class WebhookDelivery {
  /** Alerts in flight per parallel instance before the operator applies backpressure. */
  public static final int DEFAULT_CAPACITY = 100;
  /** Beyond the route's worst case, before the operator itself gives up on an alert. */
  private static final long TIMEOUT_MARGIN_MILLIS = 60_000;

  private WebhookDelivery() {}

  /**
   * @param secrets where the route's signing secret is looked up, on the task managers
   * @param capacity alerts in flight per parallel instance
   * @return the dead letters of this route
   */
  public static SingleOutputStreamOperator<DeadLetter> attach(DataStream<RoutedAlert> routed, RoutePlan route,
      EventCatalog catalog, Secrets secrets, int capacity) {
    if (!(route.destination() instanceof RouteDestination.Webhook webhook)) {
      throw new IllegalArgumentException("route " + route.name() + " is not a webhook route");
    }
    WebhookFunction function = new WebhookFunction(route.name(), webhook, catalog, secrets);
    long timeout = function.policy().worstCaseMillis(webhook.timeoutMillis()) + TIMEOUT_MARGIN_MILLIS;
    return AsyncDataStream.unorderedWait(routed, function, timeout, TimeUnit.MILLISECONDS, capacity)
        .returns(TypeInformation.of(DeadLetter.class))
        .uid("webhook/" + route.name())
        .name("webhook " + route.name());
  }
}
