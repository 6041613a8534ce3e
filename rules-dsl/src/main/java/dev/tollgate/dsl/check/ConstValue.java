package dev.tollgate.dsl.check;

import dev.tollgate.dsl.types.ValueType;

/**
 * The value of a {@code const} after overrides, in its runtime representation (see {@link
 * ValueType}).
 */
public record ConstValue(Object value, ValueType type) {}
