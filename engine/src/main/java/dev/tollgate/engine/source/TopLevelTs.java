package dev.tollgate.engine.source;

import dev.tollgate.engine.event.IsoTimestamps;
import java.nio.charset.StandardCharsets;

/**
 * Finds the top-level {@code ts} of a JSON object in its UTF-8 bytes without a parser, for the
 * lines a striped file reader passes over. It reads only what it can be sure of — keys without
 * escapes, a {@code ts} that is a plain string or an integer, other values skipped by their
 * brackets and quotes — and answers {@link #UNSURE} for anything else, so the caller can ask a real
 * parser. A record with no {@code ts} member gets {@link Long#MIN_VALUE}, as from the parser.
 */
final class TopLevelTs {
  /** Not decided here; parse the record properly. */
  static final long UNSURE = Long.MIN_VALUE + 1;

  private static final int MAX_LONG_DIGITS = 18;

  private TopLevelTs() {}

  static long scan(byte[] b, int from, int to) {
    int i = skipSpace(b, from, to);
    if (i >= to || b[i] != '{') {
      return UNSURE;
    }
    i++;
    while (true) {
      i = skipSpace(b, i, to);
      if (i >= to || b[i] != '"') {
        return UNSURE;
      }
      int keyStart = i + 1;
      int keyEnd = keyStart;
      while (keyEnd < to && b[keyEnd] != '"') {
        if (b[keyEnd] == '\\') {
          return UNSURE;
        }
        keyEnd++;
      }
      i = skipSpace(b, keyEnd + 1, to);
      if (i >= to || b[i] != ':') {
        return UNSURE;
      }
      i = skipSpace(b, i + 1, to);
      if (i >= to) {
        return UNSURE;
      }
      if (keyEnd - keyStart == 2 && b[keyStart] == 't' && b[keyStart + 1] == 's') {
        return value(b, i, to);
      }
      i = skipValue(b, i, to);
      if (i < 0) {
        return UNSURE;
      }
      i = skipSpace(b, i, to);
      if (i >= to) {
        return UNSURE;
      }
      if (b[i] == '}') {
        return Long.MIN_VALUE;
      }
      if (b[i] != ',') {
        return UNSURE;
      }
      i++;
    }
  }

  private static long value(byte[] b, int i, int to) {
    if (b[i] == '"') {
      int start = i + 1;
      int end = start;
      while (end < to && b[end] != '"') {
        if (b[end] == '\\' || b[end] < 0) {
          return UNSURE;
        }
        end++;
      }
      if (end >= to) {
        return UNSURE;
      }
      long millis = IsoTimestamps.parseOrInvalid(new String(b, start, end - start, StandardCharsets.ISO_8859_1));
      return millis == IsoTimestamps.INVALID ? Long.MIN_VALUE : millis;
    }
    boolean negative = b[i] == '-';
    int start = negative ? i + 1 : i;
    int end = start;
    long value = 0;
    while (end < to && b[end] >= '0' && b[end] <= '9') {
      value = value * 10 + (b[end] - '0');
      end++;
    }
    int digits = end - start;
    boolean leadingZero = digits > 1 && b[start] == '0';
    if (digits == 0 || digits > MAX_LONG_DIGITS || leadingZero
        || (end < to && b[end] != ',' && b[end] != '}' && b[end] != ' ')) {
      return UNSURE;
    }
    return negative ? -value : value;
  }

  /** The position after the value at {@code i}, or -1 if it is not plainly one. */
  private static int skipValue(byte[] b, int i, int to) {
    byte first = b[i];
    if (first == '"') {
      return skipString(b, i, to);
    }
    if (first == '{' || first == '[') {
      int depth = 0;
      while (i < to) {
        byte c = b[i];
        if (c == '"') {
          i = skipString(b, i, to);
          if (i < 0) {
            return -1;
          }
          continue;
        }
        if (c == '{' || c == '[') {
          depth++;
        } else if (c == '}' || c == ']') {
          if (--depth == 0) {
            return i + 1;
          }
        }
        i++;
      }
      return -1;
    }
    int end = i;
    while (end < to && isScalarByte(b[end])) {
      end++;
    }
    return end > i ? end : -1;
  }

  private static int skipString(byte[] b, int i, int to) {
    for (int j = i + 1; j < to; j++) {
      if (b[j] == '\\') {
        j++;
      } else if (b[j] == '"') {
        return j + 1;
      }
    }
    return -1;
  }

  /** Bytes of numbers and of {@code true}, {@code false}, {@code null}. */
  private static boolean isScalarByte(byte c) {
    return (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E'
        || (c >= 'a' && c <= 'u');
  }

  private static int skipSpace(byte[] b, int i, int to) {
    while (i < to && (b[i] == ' ' || b[i] == '\t' || b[i] == '\r' || b[i] == '\n')) {
      i++;
    }
    return i;
  }
}
