package dev.tollgate.dsl;

import dev.tollgate.dsl.diag.Diagnostics;
import dev.tollgate.dsl.diag.SourceFiles;
import dev.tollgate.dsl.plan.RuleSetPlan;

/**
 * The result of compiling a rule set.
 *
 * @param plan the compiled plan, or null when there are errors
 * @param diagnostics every error and warning found, in one pass
 * @param sources the text of every file read, for printing findings with their source line
 */
public record Compilation(RuleSetPlan plan, Diagnostics diagnostics, SourceFiles sources) {

  public boolean succeeded() {
    return plan != null;
  }
}
