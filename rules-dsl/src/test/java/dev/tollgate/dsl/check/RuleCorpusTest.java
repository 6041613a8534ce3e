package dev.tollgate.dsl.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.dsl.Compilation;
import dev.tollgate.dsl.RuleSetCompiler;
import dev.tollgate.dsl.diag.Diagnostic;
import dev.tollgate.dsl.diag.DiagnosticPrinter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The repository's own rule set (rules/) is the largest real-world input: it must compile clean. */
class RuleCorpusTest {
  static final Path RULES = Path.of(System.getProperty("tollgate.rules", "../rules"));

  @Test
  void repositoryRuleSetCompilesWithoutErrors() {
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(RULES), "no rules/ directory");
    Compilation compilation = new RuleSetCompiler().compile(List.of(RULES), Map.of());
    DiagnosticPrinter printer = new DiagnosticPrinter(compilation.sources());
    String findings = compilation.diagnostics().sorted().stream().filter(Diagnostic::isError)
        .map(printer::render).collect(Collectors.joining());
    assertThat(findings).isEmpty();
    assertThat(compilation.plan().rules()).isNotEmpty();
  }
}
