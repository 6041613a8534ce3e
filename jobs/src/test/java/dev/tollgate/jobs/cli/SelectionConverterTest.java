package dev.tollgate.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

class SelectionConverterTest {
  private final SelectionConverter converter = new SelectionConverter();

  @Test
  void readsASelectionAsTheJobsDo() {
    assertThat(converter.convert("kind=single,windowed pack=fraud")).hasToString("kind=single,windowed pack=fraud");
  }

  @Test
  void aSelectionItCannotReadIsAUsageError() {
    assertThatThrownBy(() -> converter.convert("kind=nonsense"))
        .isInstanceOf(TypeConversionException.class)
        .hasMessageContaining("unknown kind 'nonsense'");
  }
}
