package dev.tollgate.jobs.cli;

import dev.tollgate.dsl.RuleSetCompiler;
import dev.tollgate.dsl.check.CheckedRuleSet;
import dev.tollgate.dsl.plan.RuleSetPlan;
import dev.tollgate.jobs.docs.RuleCatalogDocs;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code tollgate docs PATH... [--out FILE] [--effectiveness SUMMARY_JSON]}: a Markdown catalog of
 * the rule set from its own metadata. Findings go to stderr, so the catalog can go to stdout.
 */
@Command(name = "docs", description = "Write a Markdown catalog of the rules and aggregates from their own metadata.")
final class DocsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "Rule files or directories of them.")
  List<Path> paths;

  @Option(names = "--out", paramLabel = "FILE", description = "Write the catalog to FILE instead of stdout.")
  Path out;

  @Option(names = "--effectiveness", paramLabel = "SUMMARY_JSON",
      description = "Add precision and recall tables from a backtest's summary.json (events labelled by tollgate generate).")
  Path effectiveness;

  @Option(names = "--param", paramLabel = "NAME=VALUE", description = "Document the thresholds as overridden.")
  Map<String, String> params;

  @Override
  public Integer call() throws Exception {
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter stderr = spec.commandLine().getErr();
    if (effectiveness != null && !Files.isRegularFile(effectiveness)) {
      stderr.println("tollgate: no such backtest summary: " + effectiveness);
      stderr.flush();
      return 2;
    }
    RuleSetPlan plan = RuleSetInput.planOrReport(paths, params, stderr, stderr);
    if (plan == null) {
      return 1;
    }
    CheckedRuleSet checked = new RuleSetCompiler().check(paths, params == null ? Map.of() : params);
    String markdown = RuleCatalogDocs.markdown(plan, checked, effectiveness);
    if (out == null) {
      stdout.print(markdown);
      stdout.flush();
    } else {
      Path parent = out.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.writeString(out, markdown, StandardCharsets.UTF_8);
      stderr.println("wrote " + out);
      stderr.flush();
    }
    return 0;
  }
}
