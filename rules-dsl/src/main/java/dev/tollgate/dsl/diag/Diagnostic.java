package dev.tollgate.dsl.diag;

import dev.tollgate.dsl.ast.SourceSpan;

/**
 * One finding about a rule set. {@code column} 0 means the finding is about a whole line (data
 * files), {@code line} 0 about a whole file.
 */
public record Diagnostic(Kind kind, String file, int line, int column, int endColumn, String message)
    implements Comparable<Diagnostic> {

  /** Errors stop a rule set from running; warnings do not. */
  public enum Kind {
    ERROR, WARNING;

    public String label() {
      return this == ERROR ? "error" : "warning";
    }
  }

  public static Diagnostic error(SourceSpan span, String message) {
    return at(Kind.ERROR, span, message);
  }

  public static Diagnostic warning(SourceSpan span, String message) {
    return at(Kind.WARNING, span, message);
  }

  private static Diagnostic at(Kind kind, SourceSpan span, String message) {
    int endColumn = span.endLine() == span.line() ? span.endColumn() : span.column();
    return new Diagnostic(kind, span.file(), span.line(), span.column(), endColumn, message);
  }

  /** A finding about a line of a data file ({@code lists/x.csv:7: error: ...}). */
  public static Diagnostic errorAtLine(String file, int line, String message) {
    return new Diagnostic(Kind.ERROR, file, line, 0, 0, message);
  }

  public boolean isError() {
    return kind == Kind.ERROR;
  }

  /** {@code path:line:col: error: message}, without the source excerpt. */
  public String headline() {
    StringBuilder out = new StringBuilder(file);
    if (line > 0) {
      out.append(':').append(line);
      if (column > 0) {
        out.append(':').append(column);
      }
    }
    return out.append(": ").append(kind.label()).append(": ").append(message).toString();
  }

  @Override
  public int compareTo(Diagnostic other) {
    int c = file.compareTo(other.file);
    if (c == 0) {
      c = Integer.compare(line, other.line);
    }
    if (c == 0) {
      c = Integer.compare(column, other.column);
    }
    if (c == 0) {
      c = message.compareTo(other.message);
    }
    return c;
  }

  @Override
  public String toString() {
    return headline();
  }
}
