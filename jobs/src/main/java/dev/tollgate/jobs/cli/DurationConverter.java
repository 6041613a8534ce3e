package dev.tollgate.jobs.cli;

import java.time.Duration;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Durations as the rule language writes them: {@code 500ms 30s 15m 24h 7d}. */
final class DurationConverter implements ITypeConverter<Duration> {
  @Override
  public Duration convert(String text) {
    try {
      if (text.endsWith("ms")) {
        return Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
      }
      long amount = Long.parseLong(text.substring(0, text.length() - 1));
      return switch (text.charAt(text.length() - 1)) {
        case 's' -> Duration.ofSeconds(amount);
        case 'm' -> Duration.ofMinutes(amount);
        case 'h' -> Duration.ofHours(amount);
        case 'd' -> Duration.ofDays(amount);
        default -> throw new TypeConversionException("'" + text + "' is not a duration such as 5s or 24h");
      };
    } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
      throw new TypeConversionException("'" + text + "' is not a duration such as 5s or 24h");
    }
  }
}
