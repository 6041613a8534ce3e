package dev.tollgate.engine.route;

import static dev.tollgate.engine.testing.Alerts.alert;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.dsl.plan.Severity;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class RouteMatcherTest {

  private static RouteSet only(String when) {
    return RouteSets.compile("route r {\n  when " + when + "\n  to kafka \"t\"\n}\n");
  }

  private static boolean takes(String when, dev.tollgate.engine.testing.Alerts alert) {
    return !only(when).matching(alert.build()).isEmpty();
  }

  @Test
  void severityIsOrderedLowMediumHighCritical() {
    String when = "severity >= high";

    assertThat(takes(when, alert().severity(Severity.LOW))).isFalse();
    assertThat(takes(when, alert().severity(Severity.MEDIUM))).isFalse();
    assertThat(takes(when, alert().severity(Severity.HIGH))).isTrue();
    assertThat(takes(when, alert().severity(Severity.CRITICAL))).isTrue();
    assertThat(takes("high > severity", alert().severity(Severity.MEDIUM))).isTrue();
    assertThat(takes("severity in [low, critical]", alert().severity(Severity.CRITICAL))).isTrue();
    assertThat(takes("severity between medium and high", alert().severity(Severity.CRITICAL))).isFalse();
  }

  @Test
  void categoryAndRuleIdCompareAsStrings() {
    assertThat(takes("category == \"fraud\"", alert().category("fraud"))).isTrue();
    assertThat(takes("category != \"fraud\"", alert().category("fraud"))).isFalse();
    assertThat(takes("ruleId in [\"aml.branch\", \"aml.structuring\"]", alert().rule("aml.structuring"))).isTrue();
    assertThat(takes("starts_with(ruleId, \"aml.\")", alert().rule("aml.branch"))).isTrue();
    assertThat(takes("ends_with(ruleId, \".branch\")", alert().rule("aml.structuring"))).isFalse();
    assertThat(takes("contains(category, \"laund\")", alert())).isTrue();
  }

  @Test
  void tagsAreTestedByMembership() {
    assertThat(takes("\"pep\" in tags", alert().tags("cash", "pep"))).isTrue();
    assertThat(takes("\"pep\" in tags", alert().tags("cash"))).isFalse();
    assertThat(takes("\"pep\" not in tags", alert())).isTrue();
  }

  @Test
  void keyFieldsCompareWithTheirRulesTypesAndNamedLists() {
    assertThat(takes("key.accountId in watched", alert().key("accountId", "A7"))).isTrue();
    assertThat(takes("key.accountId not in watched", alert().key("accountId", "A2"))).isTrue();
    assertThat(takes("key.branch >= 40", alert().key("branch", 41L))).isTrue();
    assertThat(takes("key.branch >= 40", alert().key("branch", 39L))).isFalse();
    assertThat(takes("key.amount == 10", alert().key("amount", new BigDecimal("10.00")))).isTrue();
    assertThat(takes("key.amount > 9.5", alert().key("amount", new BigDecimal("10")))).isTrue();
  }

  @Test
  void aMissingKeyFieldIsUnknownSoNeitherATestNorItsNegationTakesTheAlert() {
    dev.tollgate.engine.testing.Alerts withoutBranch = alert().key("accountId", "A1");

    assertThat(takes("key.branch == 3", withoutBranch)).isFalse();
    assertThat(takes("not key.branch == 3", withoutBranch)).isFalse();
    assertThat(takes("key.branch != 3", withoutBranch)).isFalse();
    assertThat(takes("key.branch == 3 or severity >= high", withoutBranch)).isTrue();
    assertThat(takes("key.branch is null", withoutBranch)).isTrue();
    assertThat(takes("key.accountId is not null", withoutBranch)).isTrue();
  }

  @Test
  void anAlertGoesToEveryRouteThatTakesItInRuleSetOrder() {
    RouteSet routes = RouteSets.compile("""
        route desk_high {
          when severity >= high
          to kafka "a"
        }
        route fraud {
          when category == "fraud"
          to kafka "b"
        }
        route everything {
          to kafka "c"
        }
        """);

    assertThat(routes.matching(alert().severity(Severity.CRITICAL).build())).containsExactly("desk_high", "everything");
    assertThat(routes.matching(alert().category("fraud").severity(Severity.LOW).build()))
        .containsExactly("fraud", "everything");
  }
}
