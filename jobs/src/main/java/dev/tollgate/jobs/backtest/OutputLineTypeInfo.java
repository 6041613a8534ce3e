package dev.tollgate.jobs.backtest;

import dev.tollgate.engine.serde.OpaqueTypeInfo;
import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeutils.TypeSerializer;

/** Type information of {@link OutputLine}: one opaque value with {@link OutputLineSerializer}. */
public final class OutputLineTypeInfo extends OpaqueTypeInfo<OutputLine> {
  private static final long serialVersionUID = 1L;

  public static final OutputLineTypeInfo INSTANCE = new OutputLineTypeInfo();

  private OutputLineTypeInfo() {
    super(OutputLine.class);
  }

  @Override
  public TypeSerializer<OutputLine> createSerializer(SerializerConfig config) {
    return OutputLineSerializer.INSTANCE;
  }
}
