package dev.tollgate.jobs.ruletest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.dsl.Compilation;
import dev.tollgate.dsl.RuleSetCompiler;
import dev.tollgate.dsl.plan.Mode;
import dev.tollgate.dsl.plan.RuleSetPlan;
import dev.tollgate.dsl.plan.Severity;
import dev.tollgate.dsl.plan.TestPlan;
import dev.tollgate.engine.aggregate.WindowRecord;
import dev.tollgate.engine.alert.Alert;
import dev.tollgate.engine.event.Event;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How expectations are judged against a target's outputs, and what an unmet one says. */
class ExpectationsTest {
  private static final String RULES = """
      event Payment { id: string  ts: timestamp  cardId: string  currency: string  amount: decimal }
      rule t.by_card {
        severity high
        category test
        on Payment
        key cardId, currency
        window 1h
        having count() >= 2
        alert "card {cardId}"
      }
      aggregate t.totals {
        on Payment
        group by currency
        window tumbling 1h
        select count() as n, sum(amount) as total
      }
      test "partial key" {
        rule t.by_card
        given { Payment { id: "p1", ts: "2026-03-01T09:00:00Z" } }
        expect alert { key: { cardId: "C1" }, events: ["p1", "p2"] }
      }
      test "events in order" {
        rule t.by_card
        given { Payment { id: "p1", ts: "2026-03-01T09:00:00Z" } }
        expect alert { events: ["p2", "p1"], severity: high }
        expect no alerts
      }
      test "record values" {
        aggregate t.totals
        given { Payment { id: "p1", ts: "2026-03-01T09:00:00Z" } }
        expect record { window_start: "2026-03-01T09:00:00Z", currency: "USD", n: 2, total: 750.50 }
        expect record { currency: "USD", n: 3 }
        expect 1 records
      }
      """;

  private static final long NINE = Instant.parse("2026-03-01T09:00:00Z").toEpochMilli();

  private final RuleSetPlan plan = compile();

  private static RuleSetPlan compile() {
    Compilation compilation = new RuleSetCompiler().compileText("t.rule", RULES, Path.of("."), Map.of());
    assertThat(compilation.diagnostics().sorted()).isEmpty();
    return compilation.plan();
  }

  private TestPlan test(String name) {
    return plan.tests().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
  }

  private static Alert alert(Map<String, Object> key, String... ids) {
    List<Event> events = new ArrayList<>();
    for (String id : ids) {
      events.add(new Event(0, new Object[] {id, NINE, "C1", "USD", BigDecimal.ONE}));
    }
    return new Alert("a1", "t.by_card", "v1", Severity.HIGH, "test", Mode.ACTIVE, key, "card C1", NINE, events, List.of());
  }

  private static List<Mismatch> check(TestPlan test, Observed observed) {
    return Expectations.check(test, observed, Shape.of(test));
  }

  @Test
  void aPartialKeyObjectChecksOnlyTheFieldsItNames() {
    Map<String, Object> key = new LinkedHashMap<>();
    key.put("cardId", "C1");
    key.put("currency", "USD");
    Observed observed = new Observed();
    observed.alerts.add(alert(key, "p1", "p2"));

    assertThat(check(test("partial key"), observed)).isEmpty();
  }

  @Test
  void eventsMustMatchInOrderAndTheDifferenceIsShown() {
    Observed observed = new Observed();
    observed.alerts.add(alert(Map.of("cardId", "C1", "currency", "USD"), "p1", "p2"));

    List<Mismatch> mismatches = check(test("events in order"), observed);

    assertThat(mismatches).hasSize(2);
    assertThat(mismatches.get(0).expected()).isEqualTo("expect alert { events: [\"p2\", \"p1\"], severity: high }");
    assertThat(mismatches.get(0).details())
        .containsExactly("no alert matches", "alert 1: events [\"p1\", \"p2\"] (expected [\"p2\", \"p1\"])");
    assertThat(mismatches.get(1).expected()).isEqualTo("expect no alerts");
    assertThat(mismatches.get(1).details()).containsExactly("got 1 alert");
  }

  @Test
  void recordValuesCompareByValueWhateverTheirScale() {
    Observed observed = new Observed();
    observed.records.add(new WindowRecord("t.totals", NINE, NINE + 3_600_000, List.of("USD"),
        List.of(2L, new BigDecimal("750.5000"))));

    List<Mismatch> mismatches = check(test("record values"), observed);

    assertThat(mismatches).singleElement().satisfies(mismatch -> {
      assertThat(mismatch.expected()).isEqualTo("expect record { currency: \"USD\", n: 3 }");
      assertThat(mismatch.details()).containsExactly("no record matches", "record 1: n 2 (expected 3)");
    });
  }

  @Test
  void anExpectedAlertWithNoAlertsRaisedSaysSo() {
    assertThat(check(test("partial key"), new Observed()))
        .singleElement()
        .satisfies(mismatch -> assertThat(mismatch.details()).containsExactly("got no alerts"));
  }
}
