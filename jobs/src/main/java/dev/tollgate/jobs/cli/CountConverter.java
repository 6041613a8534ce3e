package dev.tollgate.jobs.cli;

import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Counts as people write them: {@code 1000000}, {@code 1_000_000}, {@code 1,000,000}, {@code 250k}, {@code 1m}. */
final class CountConverter implements ITypeConverter<Long> {
  @Override
  public Long convert(String text) {
    String digits = text.trim().replace("_", "").replace(",", "").toLowerCase(Locale.ROOT);
    long unit = 1;
    if (digits.endsWith("k")) {
      unit = 1_000;
    } else if (digits.endsWith("m")) {
      unit = 1_000_000;
    }
    if (unit != 1) {
      digits = digits.substring(0, digits.length() - 1);
    }
    try {
      long count = Math.multiplyExact(Long.parseLong(digits), unit);
      if (count < 0) {
        throw new TypeConversionException("'" + text + "' is negative; give a count such as 100000 or 250k");
      }
      return count;
    } catch (NumberFormatException | ArithmeticException e) {
      throw new TypeConversionException("'" + text + "' is not a count such as 100000, 1_000_000 or 250k");
    }
  }
}
