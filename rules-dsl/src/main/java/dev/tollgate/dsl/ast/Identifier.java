package dev.tollgate.dsl.ast;

/** A name as written; rule and aggregate ids keep their dots ({@code aml.structuring}). */
public record Identifier(String value, SourceSpan span) implements Node {
  @Override
  public String toString() {
    return value;
  }
}
