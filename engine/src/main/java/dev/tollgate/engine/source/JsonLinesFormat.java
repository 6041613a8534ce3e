package dev.tollgate.engine.source;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.reader.SimpleStreamFormat;
import org.apache.flink.core.fs.FSDataInputStream;

/**
 * Reads a JSON-lines file as {@link RawRecord}s numbered from 1, so a rejected record can say which
 * line it was. Every line is a record, blank ones included (the decoder rejects them), so input
 * lines always equal processed plus rejected. Decoding happens downstream, in parallel.
 */
public final class JsonLinesFormat extends SimpleStreamFormat<RawRecord> {
  private static final long serialVersionUID = 1L;

  private final String displayName;

  /** @param displayName how rejected records name the file */
  public JsonLinesFormat(String displayName) {
    this.displayName = displayName;
  }

  @Override
  public Reader<RawRecord> createReader(Configuration config, FSDataInputStream stream) {
    return new LineReader(displayName, new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8), 1 << 16));
  }

  @Override
  public TypeInformation<RawRecord> getProducedType() {
    return RawRecordTypeInfo.INSTANCE;
  }

  private static final class LineReader implements Reader<RawRecord> {
    private final String file;
    private final BufferedReader reader;
    private long lineNumber;
    private boolean finished;

    LineReader(String file, BufferedReader reader) {
      this.file = file;
      this.reader = reader;
    }

    @Override
    public RawRecord read() throws IOException {
      String text;
      if ((text = reader.readLine()) != null) {
        lineNumber++;
        if ((lineNumber & 0x3FF) == 0) {
          ReadProgress.LINES_READ.addAndGet(0x400);
        }
        return RawRecord.fileLine(file, lineNumber, text);
      }
      if (!finished) {
        finished = true;
        ReadProgress.LINES_READ.addAndGet(lineNumber & 0x3FF);
      }
      return null;
    }

    @Override
    public void close() throws IOException {
      reader.close();
    }
  }
}
