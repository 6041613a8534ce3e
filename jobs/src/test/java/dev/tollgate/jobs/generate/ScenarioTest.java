package dev.tollgate.jobs.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class ScenarioTest {
  @Test
  void mixedRunsEveryDomainWithEveryTypology() {
    Scenario mixed = Scenario.parse("mixed");

    assertThat(mixed.domains()).containsExactlyInAnyOrder(Domain.values());
    assertThat(mixed.typologies()).containsExactlyInAnyOrder(Typology.values());
  }

  @Test
  void aPackNameInjectsThatFamilyIntoItsBackground() {
    Scenario fraud = Scenario.parse("fraud");

    assertThat(fraud.domains()).containsExactlyInAnyOrder(Domain.CARDS, Domain.ACCOUNTS);
    assertThat(fraud.typologies()).containsExactlyInAnyOrder(
        Typology.CARD_TESTING, Typology.ACCOUNT_TAKEOVER, Typology.IMPOSSIBLE_TRAVEL);
  }

  @Test
  void aTypologyLabelAloneGivesThatTypologyInItsBackground() {
    Scenario structuring = Scenario.parse("structuring");

    assertThat(structuring.domains()).containsExactly(Domain.LEDGER);
    assertThat(structuring.typologies()).containsExactly(Typology.STRUCTURING);
  }

  @Test
  void namesCombineWithCommasIgnoringCaseAndSpaces() {
    Scenario combined = Scenario.parse("AML, late_delivery");

    assertThat(combined.name()).isEqualTo("aml,late_delivery");
    assertThat(combined.domains()).containsExactlyInAnyOrder(Domain.LEDGER, Domain.MARKETPLACE);
    assertThat(combined.typologies()).contains(Typology.STRUCTURING, Typology.LATE_DELIVERY)
        .doesNotContain(Typology.STALLED_SHIPMENT);
  }

  @Test
  void backgroundAndDemandInjectNothing() {
    assertThat(Scenario.parse("background").typologies()).isEmpty();
    assertThat(Scenario.parse("demand").domains()).isEqualTo(EnumSet.of(Domain.MARKETPLACE));
    assertThat(Scenario.parse("demand").typologies()).isEmpty();
  }

  @Test
  void anUnknownNameIsRefusedWithTheChoices() {
    assertThatThrownBy(() -> Scenario.parse("aml,smuggling"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown scenario 'smuggling'")
        .hasMessageContaining("mixed")
        .hasMessageContaining("card_testing");
  }
}
