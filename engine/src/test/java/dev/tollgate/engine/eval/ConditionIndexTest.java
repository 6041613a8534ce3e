package dev.tollgate.engine.eval;

import static dev.tollgate.dsl.types.ValueType.BOOLEAN;
import static dev.tollgate.dsl.types.ValueType.DECIMAL;
import static dev.tollgate.dsl.types.ValueType.LONG;
import static dev.tollgate.dsl.types.ValueType.STRING;
import static dev.tollgate.engine.testing.Exprs.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.dsl.plan.PlanExpr;
import dev.tollgate.dsl.plan.PlanExpr.ComparisonOp;
import dev.tollgate.engine.event.Event;
import dev.tollgate.engine.rules.MatchContext;
import dev.tollgate.engine.testing.Schemas;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ConditionIndexTest {
  private static final int TX = Schemas.ALL_TYPES.typeId();
  private static final PlanExpr S = field("s", 2, STRING);
  private static final PlanExpr N = field("n", 3, LONG);
  private static final PlanExpr D = field("d", 4, DECIMAL);
  private static final PlanExpr B = field("b", 6, BOOLEAN);

  @Test
  void anEventMeetsOnlyTheRulesNamingItsValueAndTheRulesThatNameNone() {
    ConditionIndex index = index(
        and(eq(S, lit("US")), ge(D, dec("500"))),
        eq(S, lit("GB")),
        ge(D, dec("1000")),
        eq(lit("US"), S),
        in(S, list("eu", STRING, "DE", "FR")));

    assertThat(index.candidates(event("s", "US"))).containsExactly(0, 2, 3);
    assertThat(index.candidates(event("s", "FR"))).containsExactly(2, 4);
    assertThat(index.candidates(event("s", "JP"))).containsExactly(2);
    assertThat(index.candidates(event("s", null))).containsExactly(2);
  }

  @Test
  void indexesTheFieldMostRulesNarrow() {
    ConditionIndex index = index(
        and(eq(B, lit(true)), eq(N, lit(1))),
        eq(N, lit(2)),
        eq(N, lit(3)),
        eq(B, lit(false)));

    // n is narrowed by three rules, b by two: rules are found by n, and rule 3 is tested on every event.
    assertThat(index.candidates(event("n", 2L, "b", false))).containsExactly(1, 3);
    assertThat(index.candidates(event("n", 1L, "b", false))).containsExactly(0, 3);
    assertThat(index.candidates(event("n", 7L, "b", true))).containsExactly(3);
  }

  @Test
  void conjunctsOnOneFieldThatCannotBothHoldMatchNothing() {
    ConditionIndex index = index(and(eq(S, lit("A")), eq(S, lit("B"))), and(in(S, list("ab", STRING, "A", "B")), eq(S, lit("B"))));

    assertThat(index.candidates(event("s", "A"))).isEmpty();
    assertThat(index.candidates(event("s", "B"))).containsExactly(1);
  }

  @Test
  void conditionsItCannotNarrowAreAlwaysCandidates() {
    ConditionIndex index = index(
        cmp(ComparisonOp.NE, S, lit("US")),
        notIn(S, list("l", STRING, "US")),
        or(eq(S, lit("US")), eq(S, lit("GB"))),
        not(eq(S, lit("US"))),
        eq(D, dec("10")),
        eq(S, nul(STRING)),
        null);

    assertThat(index.candidates(event("s", "US", "d", "10"))).containsExactly(0, 1, 2, 3, 4, 5, 6);
  }

  @Test
  void eventsOfTypesNoRuleReadsHaveNoCandidates() {
    ConditionIndex index = new ConditionIndex(List.of(new ConditionIndex.Entry(0, TX, eq(S, lit("US")))));

    assertThat(index.candidates(Schemas.tx("t1", "2026-03-01T09:00:00Z", "A1", "WIRE", "1"))).isEmpty();
  }

  @Test
  void neverLeavesOutARuleWhoseConditionHolds() {
    SplittableRandom random = new SplittableRandom(3);
    List<PlanExpr> conditions = IntStream.range(0, 300).mapToObj(i -> randomCondition(random)).toList();
    ConditionIndex index = index(conditions.toArray(PlanExpr[]::new));
    ExpressionCompiler compiler = new ExpressionCompiler();
    List<Condition> compiled = conditions.stream().map(compiler::compileCondition).toList();
    MatchContext context = new MatchContext();
    int matches = 0;

    for (int e = 0; e < 2_000; e++) {
      Event event = event("s", random.nextInt(5) == 0 ? null : pick(random, "US", "GB", "DE"),
          "n", random.nextInt(5) == 0 ? null : (Object) (long) random.nextInt(4),
          "d", String.valueOf(random.nextInt(3)), "b", random.nextInt(5) == 0 ? null : (Object) random.nextBoolean());
      List<Integer> candidates = IntStream.of(index.candidates(event)).boxed().toList();
      for (int rule = 0; rule < compiled.size(); rule++) {
        if (compiled.get(rule).test(context.event(event))) {
          matches++;
          assertThat(candidates).as("rule %s on %s", conditions.get(rule), event).contains(rule);
        }
      }
      assertThat(candidates).isSorted();
    }
    assertThat(matches).as("conditions that held, so the check above ran").isGreaterThan(10_000);
  }

  private static PlanExpr randomCondition(SplittableRandom random) {
    List<PlanExpr> conjuncts = new ArrayList<>();
    int count = 1 + random.nextInt(3);
    for (int i = 0; i < count; i++) {
      conjuncts.add(switch (random.nextInt(7)) {
        case 0 -> eq(S, lit(pick(random, "US", "GB", "DE")));
        case 1 -> in(S, list("l", STRING, pick(random, "US", "GB"), pick(random, "DE", "FR")));
        case 2 -> eq(N, lit(random.nextInt(4)));
        case 3 -> eq(B, lit(random.nextBoolean()));
        case 4 -> cmp(ComparisonOp.NE, S, lit(pick(random, "US", "GB")));
        case 5 -> ge(D, dec(String.valueOf(random.nextInt(3))));
        default -> or(eq(S, lit("US")), eq(N, lit(1)));
      });
    }
    return count == 1 ? conjuncts.get(0) : and(conjuncts.toArray(PlanExpr[]::new));
  }

  private static String pick(SplittableRandom random, String... values) {
    return values[random.nextInt(values.length)];
  }

  private static ConditionIndex index(PlanExpr... conditions) {
    List<ConditionIndex.Entry> entries = new ArrayList<>();
    for (int i = 0; i < conditions.length; i++) {
      entries.add(new ConditionIndex.Entry(i, TX, conditions[i]));
    }
    return new ConditionIndex(entries);
  }

  private static Event event(Object... namesAndValues) {
    return Schemas.event(Schemas.ALL_TYPES, "e1", "2026-03-01T09:00:00Z", namesAndValues);
  }
}
