package dev.tollgate.dsl.ast;

import java.util.List;

/** {@code Type { field: value, ... }} in a test's {@code given} block. */
public record EventLiteral(Identifier eventType, List<Value.Member> fields, SourceSpan span) implements Node {
  public EventLiteral {
    fields = List.copyOf(fields);
  }
}
