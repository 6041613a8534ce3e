package dev.tollgate.jobs.ruletest;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.core.memory.DataOutputSerializer;

/** Tags one output stream of a test's pipeline with the test's index, serializing each value. */
final class EncodeOutput<T> extends RichMapFunction<T, TestOutput> {
  private static final long serialVersionUID = 1L;

  private final int test;
  private final TestOutput.Kind kind;
  private final TypeInformation<T> type;
  private transient TypeSerializer<T> serializer;
  private transient DataOutputSerializer buffer;

  EncodeOutput(int test, TestOutput.Kind kind, TypeInformation<T> type) {
    this.test = test;
    this.kind = kind;
    this.type = type;
  }

  @Override
  public void open(OpenContext openContext) {
    serializer = getRuntimeContext().createSerializer(type);
    buffer = new DataOutputSerializer(256);
  }

  @Override
  public TestOutput map(T value) {
    buffer.clear();
    try {
      serializer.serialize(value, buffer);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new TestOutput(test, kind, buffer.getCopyOfBuffer());
  }
}
