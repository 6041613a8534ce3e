package dev.tollgate.engine.source;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads one stripe of a JSON-lines file: every line of the file passes by, but only the stripe's
 * own lines become {@link RawRecord}s (numbered by their line in the whole file). The others are
 * not decoded, only read up to their {@code ts}, so that each record can carry the latest {@code ts}
 * written before it anywhere in the file ({@link RawRecord#eventTimeBefore}) and every stripe
 * judges lateness as a single reader of the whole file would.
 *
 * <p>Lines are split on {@code \n} in the raw bytes (a multi-byte UTF-8 character never contains
 * that byte), a trailing {@code \r} is dropped, and a last line without a newline still counts, as
 * {@link java.io.BufferedReader#readLine()} reads them. Blank lines are lines: the decoder rejects
 * them, so input lines always equal processed plus rejected.
 */
final class StripeLines implements Closeable {
  private static final int INITIAL_BUFFER = 1 << 16;

  private final InputStream in;
  private final FileStripe stripe;
  private final RawRecordTimestamps timestamps = new RawRecordTimestamps();
  private byte[] buffer = new byte[INITIAL_BUFFER];
  private int position;
  private int limit;
  private boolean endOfFile;
  private int lineStart;
  private int lineLength;
  private long lines;
  private long eventTime;

  /** Reads {@code stripe} from {@code in}, positioned at the start of the file. */
  StripeLines(InputStream in, FileStripe stripe) throws IOException {
    this.in = in;
    this.stripe = stripe;
    this.eventTime = stripe.eventTimeBefore();
    while (lines < stripe.linesBefore() && nextLine()) {
      lines++;
    }
  }

  /** The stripe's next line, or null at the end of the file. */
  RawRecord next() throws IOException {
    while (nextLine()) {
      long line = ++lines;
      long before = eventTime;
      long ts = timestamps.timestampOf(buffer, lineStart, lineLength);
      if (ts > eventTime) {
        eventTime = ts;
      }
      if (stripe.owns(line)) {
        RawRecord record = RawRecord.ofBytes(
            Arrays.copyOfRange(buffer, lineStart, lineStart + lineLength), stripe.displayName(), -1, line, null);
        record.eventTimeBefore = before;
        return record;
      }
    }
    return null;
  }

  /** The latest {@code ts} on any line read so far, {@link Long#MIN_VALUE} if none. */
  long eventTime() {
    return eventTime;
  }

  /** Where reading stands, as a split to resume from. */
  FileStripe position() {
    return stripe.at(lines, eventTime);
  }

  /** Finds the next line in the buffer, refilling it as needed; false at the end of the file. */
  private boolean nextLine() throws IOException {
    int scanned = position;
    while (true) {
      for (int i = scanned; i < limit; i++) {
        if (buffer[i] == '\n') {
          take(i, i + 1);
          return true;
        }
      }
      if (endOfFile) {
        if (position < limit) {
          take(limit, limit);
          return true;
        }
        return false;
      }
      scanned = limit - position;
      fill();
    }
  }

  private void take(int end, int next) {
    lineStart = position;
    lineLength = end - position;
    if (lineLength > 0 && buffer[end - 1] == '\r') {
      lineLength--;
    }
    position = next;
  }

  /** Moves the unread bytes to the front, grows the buffer if a line fills it, and reads more. */
  private void fill() throws IOException {
    int unread = limit - position;
    if (position > 0) {
      System.arraycopy(buffer, position, buffer, 0, unread);
    } else if (unread == buffer.length) {
      byte[] larger = new byte[buffer.length * 2];
      System.arraycopy(buffer, 0, larger, 0, unread);
      buffer = larger;
    }
    position = 0;
    limit = unread;
    int read = in.read(buffer, limit, buffer.length - limit);
    if (read < 0) {
      endOfFile = true;
    } else {
      limit += read;
    }
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
