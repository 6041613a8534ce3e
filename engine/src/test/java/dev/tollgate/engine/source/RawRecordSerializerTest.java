package dev.tollgate.engine.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

class RawRecordSerializerTest {
  @Test
  void roundTripsEveryFieldIncludingNullsAndLongLines() throws Exception {
    RawRecord line = RawRecord.fileLine("events.jsonl", 7, "{\"note\":\"" + "ü".repeat(70_000) + "\"}");
    line.eventTimeBefore = 1234L;
    RawRecord kafka = new RawRecord(null, "payments", 3, 99L, "Payment");
    RawRecord bytes = RawRecord.ofBytes("{\"id\":\"é\"}".getBytes(StandardCharsets.UTF_8), "orders", 0, 5L, null);

    for (RawRecord record : new RawRecord[] {line, kafka, bytes}) {
      DataOutputSerializer out = new DataOutputSerializer(64);
      RawRecordSerializer.INSTANCE.serialize(record, out);
      RawRecord back = RawRecordSerializer.INSTANCE.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));

      assertThat(back).usingRecursiveComparison().isEqualTo(record);
      assertThat(back.text()).isEqualTo(record.text());
    }
  }

  @Test
  void passesRecordsOnWithoutCopying() {
    RawRecord record = RawRecord.fileLine("events.jsonl", 1, "{}");

    assertThat(RawRecordTypeInfo.INSTANCE.createSerializer(null).copy(record)).isSameAs(record);
  }
}
