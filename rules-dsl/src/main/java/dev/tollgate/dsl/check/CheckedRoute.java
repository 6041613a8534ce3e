package dev.tollgate.dsl.check;

import dev.tollgate.dsl.ast.Declaration;
import dev.tollgate.dsl.plan.RouteCondition;
import dev.tollgate.dsl.plan.RouteDestination;

/** A route that passed the checker, with its condition and destination already lowered. */
public record CheckedRoute(Declaration.RouteDecl declaration, RouteCondition condition, RouteDestination destination) {
  public String name() {
    return declaration.name().value();
  }
}
