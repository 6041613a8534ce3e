package dev.tollgate.engine.route;

import dev.tollgate.dsl.plan.Mode;
import dev.tollgate.dsl.plan.RoutePlan;
import dev.tollgate.engine.alert.Alert;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * The routing decision for each alert: a shadow alert goes to the shadow output and nowhere else;
 * an active alert goes to every route whose condition it meets, or, if none does, to the unrouted
 * output (the default alerts topic). Stateless.
 */
final class RouteAlerts extends ProcessFunction<Alert, RoutedAlert> {
  private static final long serialVersionUID = 1L;

  private final List<RoutePlan> routes;
  private final OutputTag<Alert> shadow;
  private final OutputTag<Alert> unrouted;
  private transient RouteSet compiled;

  RouteAlerts(List<RoutePlan> routes, OutputTag<Alert> shadow, OutputTag<Alert> unrouted) {
    this.routes = List.copyOf(routes);
    this.shadow = shadow;
    this.unrouted = unrouted;
  }

  @Override
  public void open(OpenContext openContext) {
    compiled = RouteSet.compile(routes);
  }

  @Override
  public void processElement(Alert alert, Context ctx, Collector<RoutedAlert> out) {
    if (alert.mode() != Mode.ACTIVE) {
      ctx.output(shadow, alert);
      return;
    }
    List<String> taken = compiled.matching(alert);
    if (taken.isEmpty()) {
      ctx.output(unrouted, alert);
    } else {
      out.collect(new RoutedAlert(alert, taken, null));
    }
  }
}
