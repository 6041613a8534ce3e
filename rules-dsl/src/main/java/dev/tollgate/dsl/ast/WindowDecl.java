package dev.tollgate.dsl.ast;

import java.util.Optional;

/** {@code window tumbling D}, {@code window sliding D every S} or {@code window session G}. */
public record WindowDecl(Kind kind, Expression.DurationLiteral size, Optional<Expression.DurationLiteral> slide,
    SourceSpan span) implements Node {
  /** Window kinds. */
  public enum Kind { TUMBLING, SLIDING, SESSION }
}
