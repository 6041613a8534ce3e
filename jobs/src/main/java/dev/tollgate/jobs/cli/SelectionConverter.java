package dev.tollgate.jobs.cli;

import dev.tollgate.dsl.plan.RuleSelection;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** A rule selection as the jobs read it ({@code kind=single,windowed pack=fraud}); see docs/rule-selection.md. */
final class SelectionConverter implements ITypeConverter<RuleSelection> {
  @Override
  public RuleSelection convert(String text) {
    try {
      return RuleSelection.parse(text);
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException(e.getMessage());
    }
  }
}
