package dev.tollgate.engine.route;

import dev.tollgate.engine.alert.Alert;
import java.util.List;

/**
 * An active alert that at least one route takes.
 *
 * @param routes the names of every route that takes it, in rule-set order
 * @param caseId the case it belongs to; null until case grouping has placed it
 */
public record RoutedAlert(Alert alert, List<String> routes, String caseId) {
  public RoutedAlert {
    routes = List.copyOf(routes);
  }

  /** This alert, placed in case {@code id}. */
  public RoutedAlert inCase(String id) {
    return new RoutedAlert(alert, routes, id);
  }
}
