package dev.tollgate.dsl.ast;

import java.util.Optional;

/** A route's {@code to ...} clause as written. */
public sealed interface Destination extends Node {

  /** {@code to kafka "topic"}. */
  record Kafka(Expression.StringLiteral topic, SourceSpan span) implements Destination {}

  /**
   * {@code to webhook "url" secret env "VARIABLE"}; the secret is the name of an environment
   * variable, never the secret itself, so rule files can be shared and reviewed.
   */
  record Webhook(Expression.StringLiteral url, Optional<Expression.StringLiteral> secretVariable, SourceSpan span)
      implements Destination {}
}
