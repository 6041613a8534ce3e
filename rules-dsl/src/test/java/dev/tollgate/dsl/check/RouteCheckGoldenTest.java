package dev.tollgate.dsl.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.dsl.Compilation;
import dev.tollgate.dsl.RuleSetCompiler;
import dev.tollgate.dsl.diag.Diagnostic;
import dev.tollgate.dsl.golden.GoldenFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checker's messages about routes, as {@code tollgate check} prints them. Each case of {@code
 * golden/check/routes.cases} is written as {@code name.rule} next to {@code prelude.rule} (events
 * and rules whose alerts routes see) and the pair is compiled as one rule set; its findings go under
 * the case's header in {@code routes.expected}. Cases named {@code valid_...} must have no findings,
 * every other case at least one. Regenerate with {@code -Dgolden.update=true}.
 */
class RouteCheckGoldenTest {
  private static final Path DIRECTORY = GoldenFiles.directory("check");

  @TempDir Path workspace;

  @Test
  void everyCaseReportsExactlyTheBaselineFindings() throws IOException {
    Map<String, String> cases = GoldenFiles.cases(GoldenFiles.read(DIRECTORY.resolve("routes.cases")));
    StringBuilder actual = new StringBuilder();
    List<String> wrong = new ArrayList<>();
    for (Map.Entry<String, String> entry : cases.entrySet()) {
      String name = entry.getKey();
      List<Diagnostic> findings = compile(name, entry.getValue()).diagnostics().sorted();
      actual.append(GoldenFiles.CASE_HEADER).append(name).append('\n');
      findings.forEach(finding -> actual.append(finding.headline()).append('\n'));
      if (name.startsWith("valid_") != findings.isEmpty()) {
        wrong.add(name);
      }
    }

    assertThat(cases).hasSizeGreaterThanOrEqualTo(30);
    assertThat(wrong).as("cases whose findings contradict their name (valid_ means none)").isEmpty();
    GoldenFiles.assertMatches(DIRECTORY.resolve("routes.expected"), actual.toString());
  }

  private Compilation compile(String name, String text) throws IOException {
    Path directory = Files.createDirectory(workspace.resolve(name));
    Files.copy(DIRECTORY.resolve("prelude.rule"), directory.resolve("prelude.rule"));
    Files.writeString(directory.resolve(name + ".rule"), text);
    return new RuleSetCompiler(directory).compile(List.of(directory), Map.of());
  }
}
