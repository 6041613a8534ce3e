package dev.tollgate.dsl.parser;

import java.math.BigDecimal;

/** Decoding of literal token text: strings with escapes, numbers with underscores, durations. */
final class Literals {
  private Literals() {}

  /**
   * The value of a quoted string token, or null if it holds an escape the language does not have
   * ({@code \"}, {@code \\} and {@code \n} only).
   */
  static String unquote(String token) {
    StringBuilder out = new StringBuilder(token.length());
    for (int i = 1; i < token.length() - 1; i++) {
      char c = token.charAt(i);
      if (c != '\\') {
        out.append(c);
        continue;
      }
      char escaped = token.charAt(++i);
      switch (escaped) {
        case '"' -> out.append('"');
        case '\\' -> out.append('\\');
        case 'n' -> out.append('\n');
        default -> {
          return null;
        }
      }
    }
    return out.toString();
  }

  static BigDecimal number(String text) {
    return new BigDecimal(text.replace("_", ""));
  }

  /** Milliseconds of a duration token such as {@code 24h}; -1 if it overflows. */
  static long durationMillis(String text) {
    int unitStart = 0;
    while (unitStart < text.length() && (Character.isDigit(text.charAt(unitStart)) || text.charAt(unitStart) == '_')) {
      unitStart++;
    }
    String unit = text.substring(unitStart);
    long factor = switch (unit) {
      case "ms" -> 1L;
      case "s" -> 1_000L;
      case "m" -> 60_000L;
      case "h" -> 3_600_000L;
      case "d" -> 86_400_000L;
      default -> throw new IllegalArgumentException("unit " + unit);
    };
    try {
      return Math.multiplyExact(Long.parseLong(text.substring(0, unitStart).replace("_", "")), factor);
    } catch (ArithmeticException | NumberFormatException e) {
      return -1;
    }
  }
}
