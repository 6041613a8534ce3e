package dev.tollgate.dsl.ast;

import java.util.List;
import java.util.Optional;

/** The metadata clauses of a rule or aggregate, each optional at parse time. */
public record Metadata(
    Optional<Identifier> severity,
    Optional<Identifier> category,
    Optional<Expression.StringLiteral> title,
    Optional<Expression.StringLiteral> description,
    List<Expression.StringLiteral> tags,
    Optional<Expression.StringLiteral> owner,
    Optional<Identifier> mode,
    Optional<Expression.DurationLiteral> suppress) {

  public Metadata {
    tags = List.copyOf(tags);
  }
}
