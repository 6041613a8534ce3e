package dev.tollgate.engine.source;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.connector.source.ReaderOutput;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.core.fs.Path;
import org.apache.flink.core.io.InputStatus;

/**
 * Reads the stripes assigned to one source subtask, one after the other (normally exactly one).
 * When the last is done it emits, as a watermark, the latest {@code ts} of the whole file: the
 * input has ended, so event time has reached it (see {@code AdmitEvents}, which turns it into its
 * last watermark before the end of input).
 */
final class FileStripeReader implements SourceReader<RawRecord, FileStripe> {
  private static final int PROGRESS_BATCH = 1024;

  private final SourceReaderContext context;
  private final Queue<FileStripe> assigned = new ArrayDeque<>();
  private CompletableFuture<Void> available = new CompletableFuture<>();
  private boolean noMoreStripes;
  private StripeLines current;
  private long eventTimeReached = Long.MIN_VALUE;
  private boolean ended;
  private int unreportedLines;

  FileStripeReader(SourceReaderContext context) {
    this.context = context;
  }

  @Override
  public void start() {
    if (assigned.isEmpty()) {
      context.sendSplitRequest();
    }
  }

  @Override
  public InputStatus pollNext(ReaderOutput<RawRecord> output) throws IOException {
    if (current == null) {
      FileStripe next = assigned.poll();
      if (next == null) {
        return noStripe(output);
      }
      Path file = new Path(next.file());
      current = new StripeLines(file.getFileSystem().open(file), next);
    }
    RawRecord record = current.next();
    if (record != null) {
      output.collect(record);
      if (++unreportedLines == PROGRESS_BATCH) {
        reportProgress();
      }
      return InputStatus.MORE_AVAILABLE;
    }
    eventTimeReached = Math.max(eventTimeReached, current.eventTime());
    current.close();
    current = null;
    reportProgress();
    if (assigned.isEmpty() && !noMoreStripes) {
      context.sendSplitRequest();
    }
    return InputStatus.MORE_AVAILABLE;
  }

  private InputStatus noStripe(ReaderOutput<RawRecord> output) {
    if (noMoreStripes) {
      if (!ended) {
        ended = true;
        if (eventTimeReached != Long.MIN_VALUE) {
          output.emitWatermark(new Watermark(eventTimeReached));
        }
      }
      return InputStatus.END_OF_INPUT;
    }
    if (available.isDone()) {
      available = new CompletableFuture<>();
    }
    return InputStatus.NOTHING_AVAILABLE;
  }

  private void reportProgress() {
    ReadProgress.LINES_READ.addAndGet(unreportedLines);
    unreportedLines = 0;
  }

  @Override
  public List<FileStripe> snapshotState(long checkpointId) {
    List<FileStripe> state = new ArrayList<>(assigned.size() + 1);
    if (current != null) {
      state.add(current.position());
    }
    state.addAll(assigned);
    return state;
  }

  @Override
  public CompletableFuture<Void> isAvailable() {
    return available;
  }

  @Override
  public void addSplits(List<FileStripe> stripes) {
    assigned.addAll(stripes);
    available.complete(null);
  }

  @Override
  public void notifyNoMoreSplits() {
    noMoreStripes = true;
    available.complete(null);
  }

  @Override
  public void close() throws IOException {
    if (current != null) {
      current.close();
    }
  }
}
