package dev.tollgate.engine.source;

import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.connector.source.SourceSplit;

/**
 * One stripe of a JSON-lines file: line {@code n} (1-based) belongs to stripe {@code (n - 1) mod
 * stripes}. Also the stripe's reading position for checkpoints: how many lines of the file lie
 * before the next one to read, and the latest {@code ts} among them.
 *
 * @param file path of the file, as Flink's file systems name it
 * @param displayName how rejected records name the file
 * @param linesBefore lines of the file (of every stripe) before the next line to read
 * @param eventTimeBefore the latest {@code ts} on those lines, {@link Long#MIN_VALUE} if none
 */
public record FileStripe(
    String file, String displayName, int stripe, int stripes, long linesBefore, long eventTimeBefore)
    implements SourceSplit {

  public FileStripe {
    if (stripes < 1 || stripe < 0 || stripe >= stripes) {
      throw new IllegalArgumentException("stripe " + stripe + " of " + stripes);
    }
  }

  /** Every stripe of {@code file}, none of it read yet. */
  public static List<FileStripe> of(String file, String displayName, int stripes) {
    List<FileStripe> all = new ArrayList<>(stripes);
    for (int i = 0; i < stripes; i++) {
      all.add(new FileStripe(file, displayName, i, stripes, 0, Long.MIN_VALUE));
    }
    return all;
  }

  /** Whether the 1-based {@code line} of the file belongs to this stripe. */
  boolean owns(long line) {
    return (line - 1) % stripes == stripe;
  }

  FileStripe at(long linesBefore, long eventTimeBefore) {
    return new FileStripe(file, displayName, stripe, stripes, linesBefore, eventTimeBefore);
  }

  @Override
  public String splitId() {
    return file + "#" + stripe + "/" + stripes;
  }
}
