package dev.tollgate.dsl.check;

import dev.tollgate.dsl.types.ValueType;

/** The i-th key field of a rule, or group field of an aggregate, with its checked type. */
public record KeyField(String name, int index, ValueType type) {}
