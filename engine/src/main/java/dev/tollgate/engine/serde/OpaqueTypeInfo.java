package dev.tollgate.engine.serde;

import java.util.List;
import java.util.Objects;
import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;

/**
 * Type information for a class that Flink treats as one opaque value with a dedicated serializer:
 * no fields Flink could key or project by, and never Kryo. Two instances are equal when they are
 * of the same class and describe the same {@code parameters} (the catalog or layout their
 * serializer is built from), which is what Flink compares when it checks that operators agree on a
 * stream's type.
 */
public abstract class OpaqueTypeInfo<T> extends TypeInformation<T> {
  private static final long serialVersionUID = 1L;

  private final Class<T> typeClass;
  private final List<Object> parameters;

  protected OpaqueTypeInfo(Class<T> typeClass, Object... parameters) {
    this.typeClass = typeClass;
    this.parameters = List.of(parameters);
  }

  @Override
  public abstract TypeSerializer<T> createSerializer(SerializerConfig config);

  @Override
  public final boolean isBasicType() {
    return false;
  }

  @Override
  public final boolean isTupleType() {
    return false;
  }

  @Override
  public final int getArity() {
    return 1;
  }

  @Override
  public final int getTotalFields() {
    return 1;
  }

  @Override
  public final Class<T> getTypeClass() {
    return typeClass;
  }

  @Override
  public final boolean isKeyType() {
    return false;
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + parameters;
  }

  @Override
  public final boolean equals(Object o) {
    return o != null && o.getClass() == getClass() && parameters.equals(((OpaqueTypeInfo<?>) o).parameters);
  }

  @Override
  public final int hashCode() {
    return Objects.hash(getClass().getName(), parameters);
  }

  @Override
  public final boolean canEqual(Object o) {
    return o != null && o.getClass() == getClass();
  }
}
