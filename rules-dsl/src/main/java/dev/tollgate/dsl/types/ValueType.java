package dev.tollgate.dsl.types;

/**
 * The types of values in the rule language. Event fields use the first six; the others appear only
 * in expressions.
 *
 * <p>Runtime representation, shared by the plan and the engine: {@code STRING} → {@link String},
 * {@code LONG} → {@link Long}, {@code DECIMAL} → {@link java.math.BigDecimal}, {@code DOUBLE} →
 * {@link Double}, {@code BOOLEAN} → {@link Boolean}, {@code TIMESTAMP} → {@link Long} epoch
 * milliseconds (UTC), {@code DURATION} → {@link Long} milliseconds. {@code null} is null of any
 * type.
 */
public enum ValueType {
  STRING("string"),
  LONG("long"),
  DECIMAL("decimal"),
  DOUBLE("double"),
  BOOLEAN("boolean"),
  TIMESTAMP("timestamp"),
  DURATION("duration"),
  /** The type of the literal {@code null} before it meets a typed operand. */
  NULL("null");

  private final String keyword;

  ValueType(String keyword) {
    this.keyword = keyword;
  }

  /** The name analysts write and read in messages. */
  public String keyword() {
    return keyword;
  }

  public boolean isNumeric() {
    return this == LONG || this == DECIMAL || this == DOUBLE;
  }

  /** Whether an event field may be declared with this type. */
  public boolean isFieldType() {
    return ordinal() <= TIMESTAMP.ordinal();
  }

  @Override
  public String toString() {
    return keyword;
  }
}
