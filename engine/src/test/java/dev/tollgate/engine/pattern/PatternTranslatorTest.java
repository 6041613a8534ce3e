package dev.tollgate.engine.pattern;

import static dev.tollgate.engine.pattern.PatternPlans.PAYMENT;
import static dev.tollgate.engine.pattern.PatternPlans.SCAN;
import static dev.tollgate.engine.pattern.PatternPlans.SENT;
import static dev.tollgate.engine.pattern.PatternPlans.cardTesting;
import static dev.tollgate.engine.pattern.PatternPlans.dec;
import static dev.tollgate.engine.pattern.PatternPlans.eq;
import static dev.tollgate.engine.pattern.PatternPlans.hours;
import static dev.tollgate.engine.pattern.PatternPlans.le;
import static dev.tollgate.engine.pattern.PatternPlans.payment;
import static dev.tollgate.engine.pattern.PatternPlans.plus;
import static dev.tollgate.engine.pattern.PatternPlans.rule;
import static dev.tollgate.engine.pattern.PatternPlans.scan;
import static dev.tollgate.engine.pattern.PatternPlans.stalledAfterDispatch;
import static dev.tollgate.engine.pattern.PatternPlans.str;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tollgate.dsl.plan.RuleBody;
import dev.tollgate.dsl.plan.RulePlan;
import dev.tollgate.engine.event.Event;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.flink.cep.nfa.aftermatch.SkipPastLastStrategy;
import org.apache.flink.cep.nfa.compiler.NFACompiler;
import org.apache.flink.cep.pattern.Pattern;
import org.apache.flink.cep.pattern.Quantifier.ConsumingStrategy;
import org.apache.flink.cep.pattern.Quantifier.QuantifierProperty;
import org.apache.flink.cep.pattern.WithinType;
import org.junit.jupiter.api.Test;

/** The shape of the Flink patterns built from plans. */
class PatternTranslatorTest {

  private static Pattern<Event, Event> translate(RulePlan rule) {
    return PatternTranslator.translate((RuleBody.Pattern) rule.body(), rule.key());
  }

  /** The pattern parts from first to last. */
  private static List<Pattern<Event, ? extends Event>> parts(Pattern<Event, Event> last) {
    List<Pattern<Event, ? extends Event>> parts = new ArrayList<>();
    for (Pattern<Event, ? extends Event> p = last; p != null; p = p.getPrevious()) {
      parts.add(p);
    }
    Collections.reverse(parts);
    return parts;
  }

  @Test
  void cardTestingBecomesAGreedyRepeatFollowedByTheHit() {
    Pattern<Event, Event> pattern = translate(cardTesting().build());
    List<Pattern<Event, ? extends Event>> parts = parts(pattern);

    assertThat(parts).extracting(Pattern::getName).containsExactly("probe", "hit");
    Pattern<Event, ? extends Event> probe = parts.get(0);
    assertThat(probe.getQuantifier().hasProperty(QuantifierProperty.LOOPING)).isTrue();
    assertThat(probe.getQuantifier().hasProperty(QuantifierProperty.GREEDY)).isTrue();
    assertThat(probe.getQuantifier().getInnerConsumingStrategy()).isEqualTo(ConsumingStrategy.SKIP_TILL_NEXT);
    assertThat(probe.getTimes().getFrom()).isEqualTo(3);
    assertThat(parts.get(1).getQuantifier().getConsumingStrategy()).isEqualTo(ConsumingStrategy.SKIP_TILL_NEXT);
    assertThat(pattern.getWindowSize()).contains(Duration.ofMinutes(15));
    assertThat(pattern.getAfterMatchSkipStrategy()).isInstanceOf(SkipPastLastStrategy.class);
    assertThat(NFACompiler.compileFactory(pattern, false).createNFA().getWindowTime())
        .isEqualTo(Duration.ofMinutes(15).toMillis());
  }

  @Test
  void quantifiersMapToTimesRangesAndOptional() {
    RulePlan rule =
        rule("q")
            .step("a", PAYMENT, null).repeat(3, 3)
            .then("b", PAYMENT, null).repeat(2, 4)
            .thenNext("c", PAYMENT, null).optional()
            .then("d", PAYMENT, null)
            .within(Duration.ofHours(1))
            .alert("x")
            .build();
    List<Pattern<Event, ? extends Event>> parts = parts(translate(rule));

    Pattern<Event, ? extends Event> a = parts.get(0);
    assertThat(a.getQuantifier().hasProperty(QuantifierProperty.TIMES)).isTrue();
    assertThat(a.getTimes().getFrom()).isEqualTo(3);
    assertThat(a.getTimes().getTo()).isEqualTo(3);
    assertThat(a.getQuantifier().hasProperty(QuantifierProperty.GREEDY)).isFalse();

    Pattern<Event, ? extends Event> b = parts.get(1);
    assertThat(b.getTimes().getFrom()).isEqualTo(2);
    assertThat(b.getTimes().getTo()).isEqualTo(4);
    // Flink forbids an optional step after a greedy one, so this range stays non-greedy.
    assertThat(b.getQuantifier().hasProperty(QuantifierProperty.GREEDY)).isFalse();

    Pattern<Event, ? extends Event> c = parts.get(2);
    assertThat(c.getQuantifier().getConsumingStrategy()).isEqualTo(ConsumingStrategy.STRICT);
    assertThat(c.getQuantifier().hasProperty(QuantifierProperty.OPTIONAL)).isTrue();
  }

  @Test
  void absencesBetweenStepsBecomeNotFollowedByAndNotNextWithGeneratedNames() {
    RulePlan rule =
        rule("n")
            .key("shipmentId")
            .step("a", SCAN, null)
            .thenNot(SCAN, eq(scan("status"), str("X")))
            .then("b", SCAN, null)
            .within(Duration.ofHours(1))
            .alert("x")
            .build();
    List<Pattern<Event, ? extends Event>> parts = parts(translate(rule));

    assertThat(parts).extracting(Pattern::getName).containsExactly("a", "$absent1", "b");
    assertThat(parts.get(1).getQuantifier().getConsumingStrategy()).isEqualTo(ConsumingStrategy.NOT_FOLLOW);
  }

  @Test
  void aFinalSilenceIsTimedFromThePreviousStepInsideADoubledWindow() {
    Pattern<Event, Event> pattern = translate(stalledAfterDispatch().build());

    assertThat(pattern.getName()).isEqualTo("$absent1");
    assertThat(pattern.getQuantifier().getConsumingStrategy()).isEqualTo(ConsumingStrategy.NOT_FOLLOW);
    assertThat(pattern.getWindowSize(WithinType.PREVIOUS_AND_CURRENT)).contains(Duration.ofHours(48));
    assertThat(pattern.getWindowSize()).contains(Duration.ofHours(96));
  }

  @Test
  void aDeadlineAbsenceIsLeftOutOfTheFlinkPattern() {
    RulePlan rule =
        rule("d")
            .key("shipmentId")
            .step("sent", SCAN, eq(scan("status"), str("DISPATCHED")))
            .thenNot(SCAN, eq(scan("status"), str("DELIVERED")))
            .deadline(plus(SENT.field("eta"), hours(12)))
            .alert("x")
            .build();
    Pattern<Event, Event> pattern = translate(rule);

    assertThat(parts(pattern)).extracting(Pattern::getName).containsExactly("sent");
    assertThat(pattern.getWindowSize()).isEmpty();
  }

  @Test
  void aPatternCannotStartWithAnAbsence() {
    RulePlan rule =
        rule("bad").thenNot(PAYMENT, null).then("a", PAYMENT, null).within(Duration.ofHours(1)).alert("x").build();

    assertThatThrownBy(() -> translate(rule))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("start with an absence");
  }

  @Test
  void anAbsenceRightAfterAnOptionalStepIsRefusedWithAReason() {
    RulePlan rule =
        rule("bad")
            .step("a", PAYMENT, null)
            .then("b", PAYMENT, le(payment("amount"), dec("2"))).optional()
            .thenNot(PAYMENT, null)
            .then("c", PAYMENT, null)
            .within(Duration.ofHours(1))
            .alert("x")
            .build();

    assertThatThrownBy(() -> translate(rule))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'b' is optional");
  }
}
