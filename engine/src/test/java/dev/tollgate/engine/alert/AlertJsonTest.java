package dev.tollgate.engine.alert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.engine.event.EventCatalog;
import dev.tollgate.engine.event.Origin;
import dev.tollgate.engine.event.RejectReason;
import dev.tollgate.engine.event.Rejected;
import dev.tollgate.engine.event.RejectedJson;
import dev.tollgate.engine.testing.Schemas;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlertJsonTest {

  @Test
  void writesSpecMembersInOrder() {
    Alert alert = AlertFixtures.structuring();

    String json = new AlertJson(new EventCatalog(List.of(Schemas.TRANSACTION))).encode(alert);

    assertThat(json).isEqualTo("{\"alertId\":\"" + alert.alertId() + "\",\"ruleId\":\"aml.structuring\","
        + "\"ruleVersion\":\"v1\",\"severity\":\"high\",\"category\":\"money_laundering\",\"mode\":\"shadow\","
        + "\"key\":{\"accountId\":\"A1\",\"branch\":7},\"message\":\"Account A1: 2 deposits\","
        + "\"eventTime\":\"2026-03-01T12:00:00Z\",\"events\":["
        + "{\"event\":\"Transaction\",\"id\":\"t1\",\"ts\":\"2026-03-01T09:00:00Z\",\"accountId\":\"A1\","
        + "\"type\":\"CASH_DEPOSIT\",\"amount\":9500,\"currency\":\"USD\"},"
        + "{\"event\":\"Transaction\",\"id\":\"t2\",\"ts\":\"2026-03-01T12:00:00Z\",\"accountId\":\"A1\","
        + "\"type\":\"CASH_DEPOSIT\",\"amount\":9000.50,\"currency\":\"USD\"}],"
        + "\"tags\":[\"aml\",\"cash\"]}");
  }

  @Test
  void keyIsTheKeyMemberAlone() {
    AlertJson json = new AlertJson(new EventCatalog(List.of(Schemas.TRANSACTION)));

    assertThat(json.encodeKey(AlertFixtures.structuring())).isEqualTo("{\"accountId\":\"A1\",\"branch\":7}");
  }

  @Test
  void rejectedRecordKeepsRawTextAndOrigin() {
    Rejected rejected = new Rejected("{\"id\":", RejectReason.BAD_JSON, "unexpected end", Origin.fileLine("in.jsonl", 3));

    assertThat(RejectedJson.encode(rejected)).isEqualTo(
        "{\"reason\":\"bad_json\",\"detail\":\"unexpected end\",\"origin\":\"in.jsonl:3\",\"raw\":\"{\\\"id\\\":\"}");
  }
}
