package dev.tollgate.dsl.ast;

import java.util.List;

/** An alert template: text and {@code {expr}} placeholders, each placeholder parsed in place. */
public record Template(List<Part> parts, SourceSpan span) implements Node {
  public Template {
    parts = List.copyOf(parts);
  }

  /** A piece of a template. */
  public sealed interface Part {}

  /** Literal text, escapes resolved. */
  public record Text(String text) implements Part {}

  /** {@code {expr}}: {@code source} is the text between the braces. */
  public record Placeholder(String source, Expression expression) implements Part {}
}
