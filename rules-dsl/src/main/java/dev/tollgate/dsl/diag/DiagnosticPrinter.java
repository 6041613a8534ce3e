package dev.tollgate.dsl.diag;

/**
 * Renders a finding as compilers do: the headline, then the source line with a caret under the
 * column (and tildes to the end of the span when it is on that line).
 */
public final class DiagnosticPrinter {
  private final SourceFiles sources;

  public DiagnosticPrinter(SourceFiles sources) {
    this.sources = sources;
  }

  public String render(Diagnostic diagnostic) {
    StringBuilder out = new StringBuilder(diagnostic.headline()).append('\n');
    if (diagnostic.column() <= 0) {
      return out.toString();
    }
    String line = sources.line(diagnostic.file(), diagnostic.line());
    if (line == null) {
      return out.toString();
    }
    out.append("  ").append(line.replace('\t', ' ')).append('\n').append("  ");
    out.append(" ".repeat(Math.max(0, diagnostic.column() - 1))).append('^');
    int width = diagnostic.endColumn() - diagnostic.column();
    if (width > 0) {
      out.append("~".repeat(Math.min(width, Math.max(0, line.length() - diagnostic.column()))));
    }
    return out.append('\n').toString();
  }
}
