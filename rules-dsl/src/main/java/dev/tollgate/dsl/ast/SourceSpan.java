package dev.tollgate.dsl.ast;

import java.io.Serializable;

/**
 * Where a node was written: file, and 1-based line and column of its first and last character
 * (end inclusive).
 */
public record SourceSpan(String file, int line, int column, int endLine, int endColumn)
    implements Serializable {

  /** The span from the start of {@code first} to the end of {@code last}. */
  public static SourceSpan between(SourceSpan first, SourceSpan last) {
    return new SourceSpan(first.file, first.line, first.column, last.endLine, last.endColumn);
  }

  /** {@code file:line:col}, as diagnostics print it. */
  public String location() {
    return file + ":" + line + ":" + column;
  }

  @Override
  public String toString() {
    return location();
  }
}
