package dev.tollgate.engine.rules;

import static dev.tollgate.dsl.types.ValueType.STRING;
import static dev.tollgate.engine.testing.Exprs.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.dsl.plan.Mode;
import dev.tollgate.dsl.plan.PlanExpr;
import dev.tollgate.dsl.plan.RulePlan;
import dev.tollgate.dsl.plan.Severity;
import dev.tollgate.engine.alert.Alert;
import dev.tollgate.engine.alert.AlertIds;
import dev.tollgate.engine.event.Event;
import dev.tollgate.engine.testing.RulePlans;
import dev.tollgate.engine.testing.Schemas;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.DefaultOpenContext;
import org.apache.flink.api.common.functions.util.ListCollector;
import org.apache.flink.streaming.util.MockStreamingRuntimeContext;
import org.junit.jupiter.api.Test;

class SingleEventRulesTest {
  private static final PlanExpr COUNTRY = field("country", 6, STRING);
  private static final PlanExpr S = field("s", 2, STRING);

  private static final RulePlan EMBARGO = RulePlans.rule("contraband.embargoed").severity(Severity.CRITICAL)
      .category("contraband").on(Schemas.TRANSACTION)
      .where(in(COUNTRY, list("embargoed_countries", STRING, "CU", "IR", "KP", "SY")))
      .alert("Transaction ", field("id", 0, STRING), " to embargoed ", COUNTRY)
      .singleEvent();

  @Test
  void alertsOncePerMatchingEvent() throws Exception {
    List<Alert> alerts = run(List.of(EMBARGO),
        embargoed("t1", "IR"), embargoed("t2", "FR"), embargoed("t3", "KP"), embargoed("t4", null));

    assertThat(alerts).extracting(Alert::message)
        .containsExactly("Transaction t1 to embargoed IR", "Transaction t3 to embargoed KP");
    Alert first = alerts.get(0);
    assertThat(first.key()).isEmpty();
    assertThat(first.eventIds()).containsExactly("t1");
    assertThat(first.eventTime()).isEqualTo(Instant.parse("2026-03-01T09:00:00Z").toEpochMilli());
    assertThat(first.severity()).isEqualTo(Severity.CRITICAL);
    assertThat(first.alertId()).isEqualTo(AlertIds.of("contraband.embargoed", "v1", List.of(), first.events()));
  }

  @Test
  void eventsOnlyMeetRulesForTheirType() throws Exception {
    RulePlan onAllTypes = RulePlans.rule("all.types").on(Schemas.ALL_TYPES).where(eq(S, lit("IR")))
        .alert("s=", S).singleEvent();

    List<Alert> alerts = run(List.of(EMBARGO, onAllTypes),
        embargoed("t1", "IR"), Schemas.event(Schemas.ALL_TYPES, "a1", "2026-03-01T09:00:00Z", "s", "IR"));

    assertThat(alerts).extracting(Alert::ruleId).containsExactly("contraband.embargoed", "all.types");
  }

  @Test
  void disabledRulesDoNotRunAndShadowRulesAlertAsShadow() throws Exception {
    RulePlan shadow = RulePlans.rule("shadow").mode(Mode.SHADOW).on(Schemas.TRANSACTION)
        .where(eq(COUNTRY, lit("IR"))).alert("s").singleEvent();
    RulePlan disabled = RulePlans.rule("disabled").mode(Mode.DISABLED).on(Schemas.TRANSACTION)
        .where(eq(COUNTRY, lit("IR"))).alert("d").singleEvent();
    RulePlan windowed = RulePlans.rule("windowed").on(Schemas.TRANSACTION).key("accountId")
        .window(java.time.Duration.ofHours(1)).alert("w").windowed();

    List<Alert> alerts = run(List.of(shadow, disabled, windowed), embargoed("t1", "IR"));

    assertThat(alerts).singleElement().satisfies(alert -> {
      assertThat(alert.ruleId()).isEqualTo("shadow");
      assertThat(alert.mode()).isEqualTo(Mode.SHADOW);
    });
  }

  private static Event embargoed(String id, String country) {
    return Schemas.event(Schemas.TRANSACTION, id, "2026-03-01T09:00:00Z", "accountId", "A1", "country", country);
  }

  private static List<Alert> run(List<RulePlan> rules, Event... events) throws Exception {
    SingleEventRules function = new SingleEventRules(rules);
    function.setRuntimeContext(new MockStreamingRuntimeContext(1, 0));
    function.open(DefaultOpenContext.INSTANCE);
    List<Alert> alerts = new ArrayList<>();
    ListCollector<Alert> out = new ListCollector<>(alerts);
    for (Event event : events) {
      function.flatMap(event, out);
    }
    return alerts;
  }
}
