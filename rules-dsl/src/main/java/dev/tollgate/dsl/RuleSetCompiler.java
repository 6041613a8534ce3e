package dev.tollgate.dsl;

import dev.tollgate.dsl.check.CheckedRuleSet;
import dev.tollgate.dsl.check.RuleSetChecker;
import dev.tollgate.dsl.diag.Diagnostics;
import dev.tollgate.dsl.diag.SourceFiles;
import dev.tollgate.dsl.load.LoadedRuleSet;
import dev.tollgate.dsl.load.RuleSetLoader;
import dev.tollgate.dsl.plan.PlanCompiler;
import dev.tollgate.dsl.plan.RuleSetPlan;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The rule language's front door: files in, plan and findings out. Load (parse rule files, read
 * data files) → check (names and types) → plan. Every stage reports into the same {@link
 * Diagnostics}, so one run shows every finding; a plan is produced only when there are no errors.
 */
public final class RuleSetCompiler {
  private final Path workingDirectory;

  /** Shows paths relative to the process's current directory. */
  public RuleSetCompiler() {
    this(Path.of("").toAbsolutePath());
  }

  /** Shows paths under {@code workingDirectory} relative to it. */
  public RuleSetCompiler(Path workingDirectory) {
    this.workingDirectory = workingDirectory;
  }

  /**
   * Compiles the rule set made of {@code paths} (files, or directories searched recursively for
   * {@code .rule} files).
   *
   * @param params {@code --param name=value} overrides of consts
   */
  public Compilation compile(List<Path> paths, Map<String, String> params) {
    Diagnostics diagnostics = new Diagnostics();
    SourceFiles sources = new SourceFiles();
    LoadedRuleSet loaded = new RuleSetLoader(diagnostics, sources, workingDirectory).load(paths);
    return finish(loaded, params, diagnostics, sources);
  }

  /** Compiles one rule file given as text; data files resolve against {@code baseDirectory}. */
  public Compilation compileText(String displayName, String text, Path baseDirectory, Map<String, String> params) {
    Diagnostics diagnostics = new Diagnostics();
    SourceFiles sources = new SourceFiles();
    LoadedRuleSet loaded = new RuleSetLoader(diagnostics, sources, workingDirectory)
        .loadText(displayName, text, baseDirectory);
    return finish(loaded, params, diagnostics, sources);
  }

  /**
   * Loads and checks {@code paths} without planning: the checker's view of the rule set, with the
   * analysis of every expression, for tools that need more than the plan (a rule catalog lists the
   * consts each rule reads, see {@link dev.tollgate.dsl.check.ConstUses}). Null when the rule set
   * has errors; {@link #compile} reports them.
   */
  public CheckedRuleSet check(List<Path> paths, Map<String, String> params) {
    Diagnostics diagnostics = new Diagnostics();
    LoadedRuleSet loaded = new RuleSetLoader(diagnostics, new SourceFiles(), workingDirectory).load(paths);
    CheckedRuleSet checked = new RuleSetChecker(diagnostics).check(loaded, params);
    return diagnostics.hasErrors() ? null : checked;
  }

  private static Compilation finish(LoadedRuleSet loaded, Map<String, String> params, Diagnostics diagnostics,
      SourceFiles sources) {
    CheckedRuleSet checked = new RuleSetChecker(diagnostics).check(loaded, params);
    if (diagnostics.hasErrors()) {
      return new Compilation(null, diagnostics, sources);
    }
    RuleSetPlan plan = new PlanCompiler(checked).compile();
    return new Compilation(plan, diagnostics, sources);
  }
}
