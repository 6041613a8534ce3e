package dev.tollgate.engine.cases;

import java.nio.charset.StandardCharsets;
import org.apache.flink.api.common.serialization.SerializationSchema;

/**
 * The value of a Kafka record on the cases topic: {@link CaseEventJson} in UTF-8. Keying the record
 * by the case id keeps a case's events in one partition, in order.
 */
public final class CaseEventSchema implements SerializationSchema<CaseEvent> {
  private static final long serialVersionUID = 1L;

  @Override
  public byte[] serialize(CaseEvent event) {
    return CaseEventJson.encode(event).getBytes(StandardCharsets.UTF_8);
  }
}
