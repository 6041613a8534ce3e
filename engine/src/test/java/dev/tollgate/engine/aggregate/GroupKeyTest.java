package dev.tollgate.engine.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.dsl.plan.AggregatePlan.GroupField;
import dev.tollgate.dsl.types.ValueType;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class GroupKeyTest {
  private static final GroupKey SKU_COUNTRY = new GroupKey(Orders.BY_SKU_COUNTRY);

  @Test
  void keysOfDifferentGroupsDifferEvenWhenTheirTextsConcatenateAlike() {
    String a = SKU_COUNTRY.of(Orders.order("o1", "2026-03-01T10:00:00Z", "sku", "a:b", "destinationCountry", "c"));
    String b = SKU_COUNTRY.of(Orders.order("o2", "2026-03-01T10:00:00Z", "sku", "a", "destinationCountry", "b:c"));

    assertThat(a).isNotEqualTo(b);
    assertThat(SKU_COUNTRY.decode(a)).containsExactly("a:b", "c");
    assertThat(SKU_COUNTRY.decode(b)).containsExactly("a", "b:c");
  }

  @Test
  void eventWithANullGroupFieldHasNoGroup() {
    assertThat(SKU_COUNTRY.of(Orders.order("o1", "2026-03-01T10:00:00Z", "sku", "S"))).isNull();
  }

  @Test
  void typedGroupValuesDecodeToTheirTypesWithCanonicalDecimals() {
    GroupKey key = new GroupKey(List.of(
        new GroupField("quantity", 4, ValueType.LONG), new GroupField("amount", 5, ValueType.DECIMAL)));
    String tenDotZero = key.of(Orders.order("o1", "2026-03-01T10:00:00Z", "quantity", 3, "amount", "10.0"));
    String ten = key.of(Orders.order("o2", "2026-03-01T10:00:00Z", "quantity", 3, "amount", "10"));

    assertThat(tenDotZero).isEqualTo(ten);
    assertThat(key.decode(ten)).containsExactly(3L, new BigDecimal("10"));
    assertThat(GroupKey.of(key.decode(ten))).isEqualTo(ten);
  }
}
