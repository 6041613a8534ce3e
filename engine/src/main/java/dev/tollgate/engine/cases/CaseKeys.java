package dev.tollgate.engine.cases;

import dev.tollgate.engine.alert.Alert;
import dev.tollgate.engine.route.RoutedAlert;
import java.math.BigDecimal;
import java.util.Map;
import org.apache.flink.api.java.functions.KeySelector;

/**
 * The key a case is kept under: the alert's category and key (field names, value types and
 * values). An alert with an empty key (a single-event rule) has no entity to group by, so it is a
 * case of its own, keyed by its alert id.
 */
public final class CaseKeys implements KeySelector<RoutedAlert, String> {
  private static final long serialVersionUID = 1L;

  @Override
  public String getKey(RoutedAlert routed) {
    return of(routed.alert());
  }

  /** Unambiguous: categories are identifiers, and each value is tagged with its type. */
  public static String of(Alert alert) {
    if (alert.key().isEmpty()) {
      return "alert\u0000" + alert.alertId();
    }
    StringBuilder key = new StringBuilder(64).append(alert.category());
    for (Map.Entry<String, Object> entry : alert.key().entrySet()) {
      key.append('\u0000').append(entry.getKey()).append('\u0001');
      Object value = entry.getValue();
      if (value == null) {
        key.append('n');
      } else if (value instanceof BigDecimal d) {
        key.append('d').append((d.signum() == 0 ? BigDecimal.ZERO : d.stripTrailingZeros()).toPlainString());
      } else {
        key.append(value.getClass().getSimpleName().charAt(0)).append(value);
      }
    }
    return key.toString();
  }
}
