package dev.tollgate.jobs.cli;

import java.io.PrintWriter;

/**
 * A one-line progress display on stderr for long inputs: lines read and rate, redrawn in place.
 * Silent for the first second so short runs print nothing.
 */
final class ProgressLine {
  private final PrintWriter err;
  private final long fileBytes;
  private final long started = System.nanoTime();
  private boolean shown;

  ProgressLine(PrintWriter err, long fileBytes) {
    this.err = err;
    this.fileBytes = fileBytes;
  }

  void update(long linesRead) {
    double seconds = (System.nanoTime() - started) / 1e9;
    if (seconds < 1.0) {
      return;
    }
    shown = true;
    err.printf("\r  %,d lines read (%,.0f/s, input %,d MB)   ", linesRead, linesRead / seconds, fileBytes >> 20);
    err.flush();
  }

  void finish() {
    if (shown) {
      err.print("\r" + " ".repeat(70) + "\r");
      err.flush();
    }
  }
}
