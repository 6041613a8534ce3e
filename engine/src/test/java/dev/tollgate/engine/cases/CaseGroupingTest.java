package dev.tollgate.engine.cases;

import static dev.tollgate.engine.testing.Alerts.alert;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.dsl.plan.Severity;
import dev.tollgate.engine.alert.Alert;
import dev.tollgate.engine.alert.AlertTypeInfo;
import dev.tollgate.engine.event.EventCatalog;
import dev.tollgate.engine.route.RoutedAlert;
import dev.tollgate.engine.route.RoutedAlertTypeInfo;
import dev.tollgate.engine.testing.Alerts;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.util.OutputTag;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CaseGroupingTest {
  private static final Duration SPAN = Duration.ofHours(24);
  private static final RoutedAlertTypeInfo ROUTED = new RoutedAlertTypeInfo(new AlertTypeInfo(new EventCatalog(List.of())));
  private static final OutputTag<CaseEvent> EVENTS = new OutputTag<>("case-events", Types.POJO(CaseEvent.class));

  private KeyedOneInputStreamOperatorTestHarness<String, RoutedAlert, RoutedAlert> harness;

  @BeforeEach
  void open() throws Exception {
    harness = newHarness();
    harness.open();
  }

  /** Not yet opened, so that state can be restored into it first. */
  private static KeyedOneInputStreamOperatorTestHarness<String, RoutedAlert, RoutedAlert> newHarness() throws Exception {
    return new KeyedOneInputStreamOperatorTestHarness<>(
        new KeyedProcessOperator<>(new CaseGrouping(SPAN.toMillis(), ROUTED, EVENTS)), new CaseKeys(), Types.STRING);
  }

  @AfterEach
  void close() throws Exception {
    harness.close();
  }

  private static Alerts account(String accountId, String iso) {
    return alert().key("accountId", accountId).at(iso);
  }

  private void send(Alerts... alerts) throws Exception {
    for (Alerts builder : alerts) {
      Alert alert = builder.build();
      harness.processElement(new StreamRecord<>(new RoutedAlert(alert, List.of("desk"), null), alert.eventTime()));
    }
  }

  private void watermark(String iso) throws Exception {
    harness.processWatermark(Instant.parse(iso).toEpochMilli());
  }

  private List<RoutedAlert> placed() {
    return harness.extractOutputValues();
  }

  private List<CaseEvent> caseEvents() {
    var records = harness.getSideOutput(EVENTS);
    return records == null ? List.of() : records.stream().map(StreamRecord::getValue).toList();
  }

  private List<String> caseEventTypes() {
    return caseEvents().stream().map(e -> e.type().keyword() + " " + e.sequence()).toList();
  }

  @Test
  void alertsOfOneEntityWithinTheSpanShareOneCase() throws Exception {
    send(account("A1", "2026-03-01T09:00:00Z"), account("A1", "2026-03-01T20:00:00Z"), account("A1", "2026-03-02T19:00:00Z"));
    watermark("2026-03-02T20:00:00Z");

    assertThat(placed()).hasSize(3).extracting(RoutedAlert::caseId).containsOnly(placed().get(0).caseId());
    assertThat(placed().get(0).caseId()).matches("[0-9a-f]{32}");
    assertThat(caseEventTypes()).containsExactly("opened 1", "alert_added 2", "alert_added 3");
    CaseEvent last = caseEvents().get(2);
    assertThat(last.alertCount()).isEqualTo(3);
    assertThat(last.keyJson()).isEqualTo("{\"accountId\":\"A1\"}");
    assertThat(last.category()).isEqualTo("money_laundering");
    assertThat(Instant.ofEpochMilli(last.closesAt())).isEqualTo(Instant.parse("2026-03-03T19:00:00Z"));
  }

  @Test
  void alertsWaitUntilTheWatermarkPassesThemAndArePlacedInEventTimeOrder() throws Exception {
    Alerts early = account("A1", "2026-03-01T09:00:00Z").rule("aml.early");
    Alerts late = account("A1", "2026-03-01T10:00:00Z").rule("aml.late");
    send(late, early);
    assertThat(placed()).isEmpty();

    watermark("2026-03-01T09:59:59Z");
    assertThat(placed()).extracting(r -> r.alert().ruleId()).containsExactly("aml.early");

    watermark("2026-03-01T10:00:00Z");
    assertThat(placed()).extracting(r -> r.alert().ruleId()).containsExactly("aml.early");

    watermark("2026-03-01T10:00:00.001Z");
    assertThat(placed()).extracting(r -> r.alert().ruleId()).containsExactly("aml.early", "aml.late");
    assertThat(caseEvents().get(0).alertId()).isEqualTo(early.build().alertId());
  }

  @Test
  void arrivalOrderDoesNotChangeCaseIds() throws Exception {
    Alerts first = account("A1", "2026-03-01T09:00:00Z").rule("aml.one");
    Alerts second = account("A1", "2026-03-01T09:00:00Z").rule("aml.two");
    send(first, second);
    watermark("2026-03-01T12:00:00Z");
    List<String> inOrder = placed().stream().map(r -> r.alert().alertId() + "@" + r.caseId()).toList();

    harness.close();
    harness = newHarness();
    harness.open();
    send(second, first);
    watermark("2026-03-01T12:00:00Z");

    assertThat(placed().stream().map(r -> r.alert().alertId() + "@" + r.caseId()).toList()).isEqualTo(inOrder);
  }

  @Test
  void aHigherSeverityRaisesTheCase() throws Exception {
    send(account("A1", "2026-03-01T09:00:00Z").severity(Severity.MEDIUM),
        account("A1", "2026-03-01T10:00:00Z").severity(Severity.CRITICAL),
        account("A1", "2026-03-01T11:00:00Z").severity(Severity.LOW));
    watermark("2026-03-01T12:00:00Z");

    assertThat(caseEventTypes()).containsExactly("opened 1", "alert_added 2", "severity_raised 3", "alert_added 4");
    CaseEvent raised = caseEvents().get(2);
    assertThat(raised.previousSeverity()).isEqualTo(Severity.MEDIUM);
    assertThat(raised.severity()).isEqualTo(Severity.CRITICAL);
    assertThat(caseEvents().get(3).severity()).isEqualTo(Severity.CRITICAL);
  }

  @Test
  void aCaseClosesOnceTheSpanHasPassedAfterItsLastAlertAndLeavesNoStateOrTimers() throws Exception {
    send(account("A1", "2026-03-01T09:00:00Z"), account("A1", "2026-03-01T15:00:00Z"));
    watermark("2026-03-02T15:00:00Z");
    assertThat(caseEventTypes()).containsExactly("opened 1", "alert_added 2");

    watermark("2026-03-02T15:00:00.001Z");

    assertThat(caseEventTypes()).containsExactly("opened 1", "alert_added 2", "closed 3");
    CaseEvent closed = caseEvents().get(2);
    assertThat(closed.alertId()).isNull();
    assertThat(Instant.ofEpochMilli(closed.eventTime())).isEqualTo(Instant.parse("2026-03-02T15:00:00Z"));
    assertThat(harness.numKeyedStateEntries()).isZero();
    assertThat(harness.numEventTimeTimers()).isZero();
  }

  @Test
  void anAlertAfterTheCaseClosedOpensANewCase() throws Exception {
    send(account("A1", "2026-03-01T09:00:00Z"));
    watermark("2026-03-03T00:00:00Z");
    send(account("A1", "2026-03-03T01:00:00Z"));
    watermark("2026-03-03T02:00:00Z");

    assertThat(caseEventTypes()).containsExactly("opened 1", "closed 2", "opened 1");
    assertThat(placed().get(1).caseId()).isNotEqualTo(placed().get(0).caseId());
  }

  @Test
  void casesAreKeptPerCategoryAndEntity() throws Exception {
    send(account("A1", "2026-03-01T09:00:00Z"), account("A2", "2026-03-01T09:00:00Z"),
        account("A1", "2026-03-01T09:00:00Z").category("fraud"));
    watermark("2026-03-01T10:00:00Z");

    assertThat(placed()).extracting(RoutedAlert::caseId).doesNotHaveDuplicates();
    assertThat(caseEventTypes()).containsOnly("opened 1");
  }

  @Test
  void alertsWithoutAKeyAreCasesOfTheirOwn() throws Exception {
    send(alert().rule("fraud.one").at("2026-03-01T09:00:00Z"), alert().rule("fraud.two").at("2026-03-01T09:00:00Z"));
    watermark("2026-03-01T10:00:00Z");

    assertThat(placed()).extracting(RoutedAlert::caseId).doesNotHaveDuplicates().hasSize(2);
    assertThat(caseEvents()).extracting(CaseEvent::keyJson).containsOnly("{}");
  }

  @Test
  void theEndOfAFiniteInputPlacesPendingAlertsButClosesNoCase() throws Exception {
    send(account("A1", "2026-03-01T09:00:00Z"));
    harness.processWatermark(Long.MAX_VALUE);

    assertThat(placed()).hasSize(1);
    assertThat(caseEventTypes()).containsExactly("opened 1");
  }

  @Test
  void openCasesAndPendingAlertsSurviveARestore() throws Exception {
    send(account("A1", "2026-03-01T09:00:00Z"));
    watermark("2026-03-01T10:00:00Z");
    send(account("A1", "2026-03-01T11:00:00Z"));
    String caseId = placed().get(0).caseId();
    OperatorSubtaskState snapshot = harness.snapshot(1, 1);
    harness.close();

    harness = newHarness();
    harness.initializeState(snapshot);
    harness.open();
    watermark("2026-03-01T12:00:00Z");

    assertThat(placed()).singleElement().extracting(RoutedAlert::caseId).isEqualTo(caseId);
    assertThat(caseEventTypes()).containsExactly("alert_added 2");
    watermark("2026-03-02T11:00:00.001Z");
    assertThat(caseEventTypes()).containsExactly("alert_added 2", "closed 3");
    assertThat(harness.numKeyedStateEntries()).isZero();
    assertThat(harness.numEventTimeTimers()).isZero();
  }
}
