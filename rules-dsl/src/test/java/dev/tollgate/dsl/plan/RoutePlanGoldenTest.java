package dev.tollgate.dsl.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.dsl.Compilation;
import dev.tollgate.dsl.RuleSetCompiler;
import dev.tollgate.dsl.explain.PlanExplainer;
import dev.tollgate.dsl.golden.GoldenFiles;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Rule sets → plans: each {@code golden/plan/x.rule} must compile without errors; its plan prints
 * (by {@link PlanPrinter}) exactly as {@code x.plan} and explains (by {@link PlanExplainer}) exactly
 * as {@code x.explain}. Regenerate with {@code -Dgolden.update=true}.
 */
class RoutePlanGoldenTest {
  private static final Path DIRECTORY = GoldenFiles.directory("plan");

  @TestFactory
  Stream<DynamicTest> everyInputPlansAndExplainsAsItsBaselines() {
    return GoldenFiles.list(DIRECTORY, ".rule").stream()
        .map(input -> DynamicTest.dynamicTest(input.getFileName().toString(), () -> check(input)));
  }

  @Test
  void routePlansSurviveJavaSerialization() throws Exception {
    RuleSetPlan plan = compile(DIRECTORY.resolve("routes.rule"));

    assertThat(plan.routes()).isNotEmpty();
    assertThat(roundTrip(plan).routes()).isEqualTo(plan.routes());
  }

  @Test
  void routeVersionsChangeWithTheDestinationButNotWithTheFile() {
    RuleSetCompiler compiler = new RuleSetCompiler(DIRECTORY);
    String route = "route desk {\n  when category == \"fraud\"\n  to kafka \"cases.fraud\"\n}\n";
    RoutePlan original = compiler.compileText("a.rule", route, DIRECTORY, Map.of()).plan().routes().get(0);
    RoutePlan moved = compiler.compileText("b.rule", "\n\n" + route, DIRECTORY, Map.of()).plan().routes().get(0);
    RoutePlan retargeted = compiler.compileText("a.rule", route.replace("cases.fraud", "cases.other"), DIRECTORY,
        Map.of()).plan().routes().get(0);

    assertThat(moved.version()).isEqualTo(original.version());
    assertThat(retargeted.version()).isNotEqualTo(original.version());
  }

  private static void check(Path input) {
    RuleSetPlan plan = compile(input);
    String base = input.getFileName().toString().replaceAll("\\.rule$", "");
    GoldenFiles.assertMatches(DIRECTORY.resolve(base + ".plan"), new PlanPrinter(plan.eventTypes()).render(plan));
    GoldenFiles.assertMatches(DIRECTORY.resolve(base + ".explain"), new PlanExplainer(plan).explainAll());
  }

  private static RuleSetPlan compile(Path input) {
    Compilation compilation = new RuleSetCompiler(DIRECTORY).compile(List.of(input), Map.of());
    assertThat(compilation.diagnostics().sorted()).as("findings in %s", input.getFileName()).isEmpty();
    return compilation.plan();
  }

  private static RuleSetPlan roundTrip(RuleSetPlan plan) throws IOException, ClassNotFoundException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(plan);
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return (RuleSetPlan) in.readObject();
    }
  }
}
