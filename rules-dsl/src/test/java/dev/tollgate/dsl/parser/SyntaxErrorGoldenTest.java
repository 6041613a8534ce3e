package dev.tollgate.dsl.parser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.dsl.diag.Diagnostic;
import dev.tollgate.dsl.diag.Diagnostics;
import dev.tollgate.dsl.golden.GoldenFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The parser's messages for bad input, as an analyst sees them. {@code syntax-errors.cases} holds
 * the cases, each introduced by a line {@code ### name}; every case is parsed as the file {@code
 * name.rule} and its findings are printed under the same header in {@code syntax-errors.expected}.
 * Regenerate with {@code -Dgolden.update=true} (see {@link GoldenFiles}).
 */
class SyntaxErrorGoldenTest {
  private static final Path DIRECTORY = GoldenFiles.directory("errors");
  private static final String HEADER = GoldenFiles.CASE_HEADER;

  @Test
  void everyCaseReportsExactlyTheBaselineFindings() {
    Map<String, String> cases = GoldenFiles.cases(GoldenFiles.read(DIRECTORY.resolve("syntax-errors.cases")));
    StringBuilder actual = new StringBuilder();
    List<String> silent = new ArrayList<>();
    cases.forEach((name, text) -> {
      Diagnostics diagnostics = new Diagnostics();
      RuleParser.parse(name + ".rule", text, diagnostics);
      actual.append(HEADER).append(name).append('\n');
      for (Diagnostic finding : diagnostics.sorted()) {
        actual.append(finding.headline()).append('\n');
      }
      if (!diagnostics.hasErrors()) {
        silent.add(name);
      }
    });

    assertThat(cases).hasSizeGreaterThanOrEqualTo(15);
    assertThat(silent).as("cases that parsed without error").isEmpty();
    GoldenFiles.assertMatches(DIRECTORY.resolve("syntax-errors.expected"), actual.toString());
  }
}
