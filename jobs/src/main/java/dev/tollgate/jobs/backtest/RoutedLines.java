package dev.tollgate.jobs.backtest;

import dev.tollgate.engine.cases.CaseEvent;
import dev.tollgate.engine.cases.CaseEventJson;
import dev.tollgate.engine.event.EventCatalog;
import dev.tollgate.engine.route.RoutedAlert;
import dev.tollgate.engine.route.RoutedAlertJson;
import dev.tollgate.engine.route.Routing;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * A backtest's dry run of routing: each route's alerts as the lines of {@code routed/<route>.jsonl}
 * (exactly the documents the route would deliver) and case events as the lines of {@code
 * cases.jsonl}.
 */
final class RoutedLines {
  private static final TypeInformation<OutputLine> OUTPUT_TYPE = OutputLineTypeInfo.INSTANCE;

  private RoutedLines() {}

  static List<DataStream<OutputLine>> of(Routing.Streams routing, EventCatalog catalog) {
    List<DataStream<OutputLine>> lines = new ArrayList<>();
    for (Map.Entry<String, DataStream<RoutedAlert>> route : routing.routes().entrySet()) {
      lines.add(route.getValue().map(new EncodeRouted(catalog, route.getKey())).returns(OUTPUT_TYPE)
          .name("encode route " + route.getKey()));
    }
    lines.add(routing.cases().map(RoutedLines::caseLine).returns(OUTPUT_TYPE).name("encode case events"));
    return lines;
  }

  private static OutputLine caseLine(CaseEvent event) {
    return new OutputLine(OutputLine.Kind.CASE, event.caseId(), event.eventTime(),
        String.format("%010d", event.sequence()), CaseEventJson.encode(event));
  }

  /** One route's alerts to the documents it would deliver. */
  private static final class EncodeRouted extends RichMapFunction<RoutedAlert, OutputLine> {
    private static final long serialVersionUID = 1L;
    private final EventCatalog catalog;
    private final String route;
    private transient RoutedAlertJson json;

    EncodeRouted(EventCatalog catalog, String route) {
      this.catalog = catalog;
      this.route = route;
    }

    @Override
    public void open(OpenContext openContext) {
      json = new RoutedAlertJson(catalog);
    }

    @Override
    public OutputLine map(RoutedAlert routed) {
      return new OutputLine(OutputLine.Kind.ROUTED, route, routed.alert().eventTime(), routed.alert().alertId(),
          json.encode(routed, route));
    }
  }
}
