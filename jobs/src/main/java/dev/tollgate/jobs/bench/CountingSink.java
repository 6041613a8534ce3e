package dev.tollgate.jobs.bench;

import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/**
 * Discards what reaches it, counting records into {@link RunClock} and reporting the moment its
 * input ends: the end of a measured run is the last such moment over all sinks.
 */
final class CountingSink<T> implements Sink<T> {
  private static final long serialVersionUID = 1L;

  private final RunClock.Output output;

  CountingSink(RunClock.Output output) {
    this.output = output;
  }

  @Override
  public SinkWriter<T> createWriter(WriterInitContext context) {
    return new Writer<>(output);
  }

  private static final class Writer<T> implements SinkWriter<T> {
    private final RunClock.Output output;
    private long count;

    Writer(RunClock.Output output) {
      this.output = output;
    }

    @Override
    public void write(T element, Context context) {
      count++;
    }

    @Override
    public void flush(boolean endOfInput) {
      if (endOfInput) {
        RunClock.counted(output, count);
        count = 0;
        RunClock.outputFinished();
      }
    }

    @Override
    public void close() {}
  }
}
