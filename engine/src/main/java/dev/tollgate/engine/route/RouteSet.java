package dev.tollgate.engine.route;

import dev.tollgate.dsl.plan.RoutePlan;
import dev.tollgate.engine.alert.Alert;
import java.util.ArrayList;
import java.util.List;

/** A rule set's routes, compiled: which of them take an alert. */
final class RouteSet {
  private final String[] names;
  private final AlertTest[] tests;

  private RouteSet(String[] names, AlertTest[] tests) {
    this.names = names;
    this.tests = tests;
  }

  static RouteSet compile(List<RoutePlan> routes) {
    return new RouteSet(routes.stream().map(RoutePlan::name).toArray(String[]::new),
        routes.stream().map(route -> RouteMatcher.compile(route.condition())).toArray(AlertTest[]::new));
  }

  /** The names of the routes whose condition is true for {@code alert}, in rule-set order. */
  List<String> matching(Alert alert) {
    List<String> taken = List.of();
    for (int i = 0; i < tests.length; i++) {
      if (tests[i].test(alert) == AlertTest.TRUE) {
        if (taken.isEmpty()) {
          taken = new ArrayList<>(2);
        }
        taken.add(names[i]);
      }
    }
    return taken;
  }
}
