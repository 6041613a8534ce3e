package dev.tollgate.jobs.bench;

import dev.tollgate.engine.source.JsonLinesFormat;
import dev.tollgate.engine.source.RawRecord;
import java.io.IOException;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.reader.SimpleStreamFormat;
import org.apache.flink.core.fs.FSDataInputStream;

/**
 * The production JSON-lines reader, telling {@link RunClock} when the first line is read and how
 * many lines were read in all.
 */
final class TimedLines extends SimpleStreamFormat<RawRecord> {
  private static final long serialVersionUID = 1L;

  private final JsonLinesFormat lines = new JsonLinesFormat("bench-input");

  @Override
  public Reader<RawRecord> createReader(Configuration config, FSDataInputStream stream) throws IOException {
    Reader<RawRecord> reader = lines.createReader(config, stream);
    return new Reader<>() {
      private long read;

      @Override
      public RawRecord read() throws IOException {
        if (read == 0) {
          RunClock.firstLineRead();
        }
        RawRecord record = reader.read();
        if (record != null) {
          read++;
        }
        return record;
      }

      @Override
      public void close() throws IOException {
        RunClock.linesRead(read);
        reader.close();
      }
    };
  }

  @Override
  public TypeInformation<RawRecord> getProducedType() {
    return lines.getProducedType();
  }
}
