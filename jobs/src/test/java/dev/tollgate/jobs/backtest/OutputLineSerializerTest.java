package dev.tollgate.jobs.backtest;

import org.apache.flink.api.common.typeutils.SerializerTestBase;
import org.apache.flink.api.common.typeutils.TypeSerializer;

class OutputLineSerializerTest extends SerializerTestBase<OutputLine> {

  @Override
  protected TypeSerializer<OutputLine> createSerializer() {
    return OutputLineTypeInfo.INSTANCE.createSerializer(null);
  }

  @Override
  protected int getLength() {
    return -1;
  }

  @Override
  protected Class<OutputLine> getTypeClass() {
    return OutputLine.class;
  }

  @Override
  protected OutputLine[] getTestData() {
    OutputLine alert = new OutputLine(OutputLine.Kind.ALERT, "fraud.card_testing", 1_772_359_200_000L, "a1b2c3",
        "{\"alertId\":\"a1b2c3\",\"message\":\"Zahlung über 9.000 € — prüfen\"}");
    alert.eventIds = "e1,e2,e3";
    OutputLine record = new OutputLine(OutputLine.Kind.AGGREGATE, "demand.hourly_by_sku", 1_772_359_200_000L, null,
        "{\"window_start\":\"2026-03-01T09:00:00Z\",\"sku\":\"X\"}");
    record.group = new String[] {"X", "DE"};
    record.measure = "12.50";
    OutputLine noGroupValues = new OutputLine(OutputLine.Kind.AGGREGATE, "demand.total", 0L, null, "{}");
    noGroupValues.group = new String[0];
    OutputLine rejected = new OutputLine(OutputLine.Kind.REJECTED, "late", 42L, "events.jsonl", "{\"reason\":\"late\"}");
    OutputLine caseEvent = new OutputLine(OutputLine.Kind.CASE, "case-1", -5L, "0001", "");
    return new OutputLine[] {alert, record, noGroupValues, rejected, caseEvent};
  }
}
