package dev.tollgate.engine.route;

import java.util.Map;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/** Sends each routed alert to the side output of every route that takes it. */
final class SplitByRoute extends ProcessFunction<RoutedAlert, Void> {
  private static final long serialVersionUID = 1L;

  private final Map<String, OutputTag<RoutedAlert>> outputs;

  SplitByRoute(Map<String, OutputTag<RoutedAlert>> outputs) {
    this.outputs = Map.copyOf(outputs);
  }

  @Override
  public void processElement(RoutedAlert routed, Context ctx, Collector<Void> out) {
    for (String route : routed.routes()) {
      ctx.output(outputs.get(route), routed);
    }
  }
}
