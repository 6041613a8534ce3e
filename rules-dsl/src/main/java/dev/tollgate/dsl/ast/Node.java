package dev.tollgate.dsl.ast;

/** Every AST node knows where it was written. */
public interface Node {
  SourceSpan span();
}
