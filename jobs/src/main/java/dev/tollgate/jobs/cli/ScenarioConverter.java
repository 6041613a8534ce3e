package dev.tollgate.jobs.cli;

import dev.tollgate.jobs.generate.Scenario;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code --scenario NAME[,NAME...]} as a {@link Scenario}; an unknown name is a usage error listing the choices. */
final class ScenarioConverter implements ITypeConverter<Scenario> {
  @Override
  public Scenario convert(String text) {
    try {
      return Scenario.parse(text);
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException(e.getMessage());
    }
  }
}
