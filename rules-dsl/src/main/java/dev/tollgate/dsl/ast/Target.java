package dev.tollgate.dsl.ast;

/** The rule or aggregate a test exercises. */
public record Target(Kind kind, Identifier id, SourceSpan span) implements Node {
  /** What the test names. */
  public enum Kind { RULE, AGGREGATE }
}
