package dev.tollgate.engine.source;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

class RawRecordSerializerTest {
  @Test
  void roundTripsEveryFieldIncludingNullsAndLongLines() throws Exception {
    RawRecord line = RawRecord.fileLine("events.jsonl", 7, "{\"note\":\"" + "ü".repeat(70_000) + "\"}");
    line.eventTimeBefore = 1234L;
    RawRecord kafka = new RawRecord(null, "payments", 3, 99L, "Payment");

    for (RawRecord record : new RawRecord[] {line, kafka}) {
      DataOutputSerializer out = new DataOutputSerializer(64);
      RawRecordSerializer.INSTANCE.serialize(record, out);
      RawRecord back = RawRecordSerializer.INSTANCE.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));

      assertThat(back).usingRecursiveComparison().isEqualTo(record);
    }
  }

  @Test
  void passesRecordsOnWithoutCopying() {
    RawRecord record = RawRecord.fileLine("events.jsonl", 1, "{}");

    assertThat(RawRecordTypeInfo.INSTANCE.createSerializer(null).copy(record)).isSameAs(record);
  }
}
