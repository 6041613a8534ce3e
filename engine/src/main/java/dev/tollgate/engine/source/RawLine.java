package dev.tollgate.engine.source;

/**
 * One line of a JSON-lines input and where it came from, before decoding. A Flink POJO (public
 * fields, no-arg constructor) so it crosses the network without Kryo.
 */
public final class RawLine {
  /** 1-based line number in {@link #file}. */
  public long line;
  /** The file as the user named it. */
  public String file;
  public String text;

  public RawLine() {}

  public RawLine(String file, long line, String text) {
    this.file = file;
    this.line = line;
    this.text = text;
  }

  @Override
  public String toString() {
    return file + ":" + line + ": " + text;
  }
}
