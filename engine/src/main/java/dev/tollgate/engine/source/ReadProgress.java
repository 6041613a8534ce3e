package dev.tollgate.engine.source;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Lines read so far in this JVM by the file sources, for a progress display while a backtest runs
 * on the embedded cluster (which shares the JVM). Meaningless on a remote cluster, where nothing
 * reads it. Readers add in batches, so it trails the truth by at most a batch per reader until the
 * input ends.
 */
public final class ReadProgress {
  public static final AtomicLong LINES_READ = new AtomicLong();

  private ReadProgress() {}
}
