package dev.tollgate.jobs.cli;

import dev.tollgate.dsl.Compilation;
import dev.tollgate.dsl.RuleSetCompiler;
import dev.tollgate.dsl.diag.Diagnostic;
import dev.tollgate.dsl.diag.DiagnosticPrinter;
import dev.tollgate.dsl.plan.RuleSetPlan;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Compiles the rule set a command names and prints its findings the way {@code check} does, so
 * every command that reads rules reports problems identically.
 */
final class RuleSetInput {
  private RuleSetInput() {}

  /** The compilation, with every finding printed to {@code out}. */
  static Compilation compile(List<Path> paths, Map<String, String> params, PrintWriter out) {
    Compilation compilation = new RuleSetCompiler().compile(paths, params == null ? Map.of() : params);
    DiagnosticPrinter printer = new DiagnosticPrinter(compilation.sources());
    for (Diagnostic diagnostic : compilation.diagnostics().sorted()) {
      out.print(printer.render(diagnostic));
    }
    out.flush();
    return compilation;
  }

  /** The plan, or null after printing the findings and a one-line verdict to {@code err}. */
  static RuleSetPlan planOrReport(List<Path> paths, Map<String, String> params, PrintWriter out, PrintWriter err) {
    Compilation compilation = compile(paths, params, out);
    if (compilation.plan() == null) {
      err.println("tollgate: the rule set has " + plural(compilation.diagnostics().errorCount(), "error") + "; nothing was run");
      err.flush();
    }
    return compilation.plan();
  }

  static String plural(long count, String noun) {
    return count + " " + noun + (count == 1 ? "" : "s");
  }
}
