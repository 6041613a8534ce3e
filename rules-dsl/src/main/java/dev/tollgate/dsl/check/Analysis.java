package dev.tollgate.dsl.check;

import dev.tollgate.dsl.ast.Expression;
import dev.tollgate.dsl.types.ValueType;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The checker's side table: the type and resolution of each checked expression node, keyed by
 * node identity (two identical expressions in different places are different nodes). A node whose
 * check failed has no type; its error is already reported and nodes above it stay quiet.
 */
public final class Analysis {
  private final Map<Expression, ValueType> types = new IdentityHashMap<>();
  private final Map<Expression, Resolution> resolutions = new IdentityHashMap<>();

  void type(Expression node, ValueType type) {
    types.put(node, type);
  }

  void resolve(Expression node, Resolution resolution) {
    resolutions.put(node, resolution);
  }

  /** The type of {@code node}, or null if it was not checked or its check failed. */
  public ValueType typeOf(Expression node) {
    return types.get(node);
  }

  /** What {@code node} (a name, a call, a field access, an {@code in list}) refers to, or null. */
  public Resolution resolutionOf(Expression node) {
    return resolutions.get(node);
  }
}
