package dev.tollgate.dsl.parser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.dsl.ast.AstPrinter;
import dev.tollgate.dsl.ast.RuleFile;
import dev.tollgate.dsl.diag.Diagnostic;
import dev.tollgate.dsl.diag.Diagnostics;
import dev.tollgate.dsl.golden.GoldenFiles;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Parse → AST golden tests: each {@code golden/parse/x.rule} must parse without findings and print
 * exactly as {@code x.ast}. Regenerate with {@code -Dgolden.update=true} (see {@link GoldenFiles}).
 */
class AstGoldenTest {
  private static final Path DIRECTORY = GoldenFiles.directory("parse");

  @TestFactory
  Stream<DynamicTest> everyInputPrintsAsItsBaseline() {
    return GoldenFiles.list(DIRECTORY, ".rule").stream()
        .map(input -> DynamicTest.dynamicTest(input.getFileName().toString(), () -> check(input)));
  }

  @Test
  void thereAreGoldenInputs() {
    assertThat(GoldenFiles.list(DIRECTORY, ".rule")).hasSizeGreaterThanOrEqualTo(10);
  }

  private static void check(Path input) {
    String name = input.getFileName().toString();
    Diagnostics diagnostics = new Diagnostics();
    RuleFile file = RuleParser.parse(name, GoldenFiles.read(input), diagnostics);

    List<String> findings = diagnostics.sorted().stream().map(Diagnostic::headline).toList();
    assertThat(findings).as("findings in %s", name).isEmpty();
    GoldenFiles.assertMatches(DIRECTORY.resolve(name.replaceAll("\\.rule$", ".ast")), AstPrinter.print(file));
  }
}
