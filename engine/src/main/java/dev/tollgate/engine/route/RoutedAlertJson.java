package dev.tollgate.engine.route;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import dev.tollgate.engine.alert.AlertJson;
import dev.tollgate.engine.event.EventCatalog;

/**
 * What a route delivers: the alert's JSON document (see {@link AlertJson}) with two members
 * added at the end, {@code caseId} and {@code route}. Kafka routes, webhook bodies and a backtest's
 * {@code routed/<route>.jsonl} all carry exactly this. Not thread-safe.
 */
public final class RoutedAlertJson {
  private final AlertJson alerts;

  public RoutedAlertJson(EventCatalog catalog) {
    this.alerts = new AlertJson(catalog);
  }

  /** The document {@code route} delivers for {@code routed}, without a newline. */
  public String encode(RoutedAlert routed, String route) {
    String alert = alerts.encode(routed.alert());
    StringBuilder out = new StringBuilder(alert.length() + 96);
    out.append(alert, 0, alert.lastIndexOf('}'));
    out.append(",\"caseId\":");
    string(out, routed.caseId());
    out.append(",\"route\":");
    string(out, route);
    return out.append('}').toString();
  }

  private static void string(StringBuilder out, String value) {
    if (value == null) {
      out.append("null");
    } else {
      out.append('"');
      JsonStringEncoder.getInstance().quoteAsString(value, out);
      out.append('"');
    }
  }
}
