package dev.tollgate.engine.route;

import static dev.tollgate.engine.testing.Alerts.alert;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.dsl.plan.Severity;
import dev.tollgate.engine.alert.Alert;
import dev.tollgate.engine.alert.AlertTypeInfo;
import dev.tollgate.engine.event.EventCatalog;
import java.util.List;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.apache.flink.util.OutputTag;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RouteAlertsTest {
  private static final AlertTypeInfo ALERTS = new AlertTypeInfo(new EventCatalog(List.of()));
  private static final OutputTag<Alert> SHADOW = new OutputTag<>("shadow", ALERTS);
  private static final OutputTag<Alert> UNROUTED = new OutputTag<>("unrouted", ALERTS);

  private OneInputStreamOperatorTestHarness<Alert, RoutedAlert> harness;

  @BeforeEach
  void open() throws Exception {
    harness = ProcessFunctionTestHarnesses.forProcessFunction(new RouteAlerts(RouteSets.plan("""
        route aml_cases {
          when category == "money_laundering" and severity >= high
          to kafka "cases.aml"
        }
        route everything_critical {
          when severity == critical
          to kafka "cases.critical"
        }
        """).routes(), SHADOW, UNROUTED));
  }

  @AfterEach
  void close() throws Exception {
    harness.close();
  }

  private void send(Alert alert) throws Exception {
    harness.processElement(new StreamRecord<>(alert, alert.eventTime()));
  }

  private List<String> ids(OutputTag<Alert> tag) {
    var records = harness.getSideOutput(tag);
    return records == null ? List.of() : records.stream().map(r -> r.getValue().alertId()).toList();
  }

  @Test
  void activeAlertsGoToEveryRouteThatTakesThem() throws Exception {
    Alert alert = alert().severity(Severity.CRITICAL).build();
    send(alert);

    assertThat(harness.extractOutputValues()).singleElement().satisfies(routed -> {
      assertThat(routed.alert()).isEqualTo(alert);
      assertThat(routed.routes()).containsExactly("aml_cases", "everything_critical");
      assertThat(routed.caseId()).isNull();
    });
    assertThat(ids(UNROUTED)).isEmpty();
  }

  @Test
  void activeAlertsNoRouteTakesGoToTheDefaultOutput() throws Exception {
    Alert medium = alert().severity(Severity.MEDIUM).build();
    send(medium);

    assertThat(harness.extractOutputValues()).isEmpty();
    assertThat(ids(UNROUTED)).containsExactly(medium.alertId());
    assertThat(ids(SHADOW)).isEmpty();
  }

  @Test
  void shadowAlertsGoOnlyToTheShadowOutputEvenWhenARouteWouldTakeThem() throws Exception {
    Alert shadow = alert().severity(Severity.CRITICAL).shadow().build();
    send(shadow);

    assertThat(harness.extractOutputValues()).isEmpty();
    assertThat(ids(UNROUTED)).isEmpty();
    assertThat(ids(SHADOW)).containsExactly(shadow.alertId());
  }
}
