package dev.tollgate.dsl.explain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.dsl.golden.GoldenFiles;
import org.junit.jupiter.api.Test;

class PlanExplainerTest {
  private final PlanExplainer explainer = new PlanExplainer(Plans.ruleSet());

  @Test
  void singleEventRuleKeepsNoState() {
    assertThat(explainer.explain(Plans.embargoedDestination())).isEqualTo("""
        rule contraband.embargoed_destination
          version     a1b2c3d4
          severity    critical
          category    contraband
          mode        active
          kind        single event: one alert per matching event
          reads       CustomsDeclaration
          key         none
          where       destinationCountry in embargoed_countries (4 values)
          suppress    none: every match alerts
          alert       "Shipment {shipmentId}: declared to embargoed destination {destinationCountry}"
          state       none
          defined at  rules/contraband/embargo.rule:1
        """);
  }

  @Test
  void windowedRuleShowsWindowAggregatesAndTheEventsItKeeps() {
    String text = explainer.explain(Plans.structuring());

    assertThat(text)
        .contains("  kind        windowed aggregate\n")
        .contains("  key         accountId (string)\n")
        .contains("  where       type == \"CASH_DEPOSIT\" and amount >= 8000.0 and amount < 10000\n")
        .contains("  window      24h: on each passing event at t, the key's passing events with ts in (t - 24h, t]\n")
        .contains("  aggregates  count(), sum(amount)\n")
        .contains("  having      count() >= 3 and sum(amount) >= 10000\n")
        .contains("  suppress    24h per key of event time after each alert\n")
        .contains("  state       per accountId: the window's passing events (ts + values for count(), sum(amount))"
            + " for up to 24h, suppression timestamp\n");
  }

  @Test
  void patternShowsStepsQuantifiersAndReferencesToEarlierSteps() {
    String text = explainer.explain(Plans.cardTesting());

    assertThat(text)
        .contains("  kind        pattern of 2 steps\n")
        .contains("              1. probe: Payment where amount <= 2  repeat 3+\n")
        .contains("              2. then hit: Payment where amount >= 500 and merchantCountry != probe.merchantCountry\n")
        .contains("  within      15m from the first to the last event\n")
        .contains("  state       per cardId: partial matches of up to 2 steps for up to 15m (CEP NFA state + shared"
            + " buffer); probe keeps every repeated event within that span, suppression timestamp\n");
  }

  @Test
  void absenceWithDeadlineIsExplained() {
    String text = explainer.explain(Plans.stalledShipment());

    assertThat(text)
        .contains("  mode        shadow\n")
        .contains("  tags        logistics, sla\n")
        .contains("              2. then next not ShipmentScan where status in [\"IN_TRANSIT\", \"ARRIVED_HUB\","
            + " \"DELIVERED\"]  (absence: fires once event time passes the deadline with no such event)\n")
        .contains("  deadline    sent.eta + 12h\n")
        .contains("until the deadline (sent.eta + 12h)");
  }

  @Test
  void aggregateShowsGroupsSelectSpikeAndEmittedRecord() {
    String text = explainer.explain(Plans.hourlyDemand());

    assertThat(text)
        .contains("  group by    sku (string), destinationCountry (string)\n")
        .contains("  window      tumbling 1h, aligned to the epoch: [start, start + 1h)\n")
        .contains("  select      count() as orders, sum(quantity) as units, sum(amount) as revenue\n")
        .contains("  spike       units > 3 * baseline(units, 24) and units >= 50, severity medium\n")
        .contains("  emits       {\"aggregate\", \"window_start\", \"window_end\", \"sku\", \"destinationCountry\","
            + " \"orders\", \"units\", \"revenue\"}\n")
        .contains("the last 24 closed windows' units for baseline");
  }

  @Test
  void findsOneRuleOrAggregateById() {
    assertThat(explainer.explain("fraud.card_testing")).hasValueSatisfying(t -> assertThat(t).startsWith("rule "));
    assertThat(explainer.explain("demand.hourly_by_sku")).hasValueSatisfying(t -> assertThat(t).startsWith("aggregate "));
    assertThat(explainer.explain("no.such")).isEmpty();
  }

  @Test
  void representativePlansMatchTheGoldenBaseline() {
    GoldenFiles.assertMatches(GoldenFiles.directory("explain").resolve("representative.txt"), explainer.explainAll());
  }
}
