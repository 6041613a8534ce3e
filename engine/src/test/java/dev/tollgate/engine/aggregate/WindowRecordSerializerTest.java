package dev.tollgate.engine.aggregate;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.apache.flink.api.common.typeutils.SerializerTestBase;
import org.apache.flink.api.common.typeutils.TypeSerializer;

class WindowRecordSerializerTest extends SerializerTestBase<WindowRecord> {

  @Override
  protected TypeSerializer<WindowRecord> createSerializer() {
    return WindowRecordTypeInfo.INSTANCE.createSerializer(null);
  }

  @Override
  protected int getLength() {
    return -1;
  }

  @Override
  protected Class<WindowRecord> getTypeClass() {
    return WindowRecord.class;
  }

  @Override
  protected boolean allowNullInstances(TypeSerializer<WindowRecord> serializer) {
    return true;
  }

  @Override
  protected WindowRecord[] getTestData() {
    return new WindowRecord[] {
      new WindowRecord("demand.hourly", 1_772_359_200_000L, 1_772_362_800_000L, List.of("SKU1", "DE"),
          List.of(3L, 12L, new BigDecimal("1234.50"))),
      new WindowRecord("x", -1L, 0L, List.of(), List.of()),
      new WindowRecord("typed", 0L, 60_000L, List.of(7L, true, 1.5), Arrays.asList(null, 2.25, "max", -4L)),
    };
  }
}
