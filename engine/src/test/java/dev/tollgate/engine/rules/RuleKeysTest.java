package dev.tollgate.engine.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tollgate.dsl.plan.EventTypePlan;
import dev.tollgate.dsl.types.ValueType;
import dev.tollgate.engine.event.Event;
import dev.tollgate.engine.testing.RulePlans;
import dev.tollgate.engine.testing.Schemas;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuleKeysTest {
  private static final EventTypePlan PAYMENT = Schemas.type(1, "Payment",
      "cardId", ValueType.STRING, "accountId", ValueType.STRING, "amount", ValueType.DECIMAL);

  @Test
  void singleFieldKeyIsTheValueItself() throws Exception {
    RuleKeys keys = new RuleKeys(RulePlans.rule("r").on(Schemas.TRANSACTION).key("accountId").windowed().key());

    assertThat(keys.getKey(Schemas.tx("t1", "2026-03-01T09:00:00Z", "A1", "X", "1"))).isEqualTo("A1");
  }

  @Test
  void compositeKeysNeverCollide() throws Exception {
    RuleKeys keys = new RuleKeys(RulePlans.rule("r").on(Schemas.TRANSACTION).key("accountId", "type").windowed().key());

    String ab = keys.getKey(Schemas.tx("t1", "2026-03-01T09:00:00Z", "ab", "c", "1"));
    String a = keys.getKey(Schemas.tx("t2", "2026-03-01T09:00:00Z", "a", "bc", "1"));

    assertThat(ab).isNotEqualTo(a);
  }

  @Test
  void decimalKeysIgnoreScale() throws Exception {
    RuleKeys keys = new RuleKeys(RulePlans.rule("r").on(Schemas.TRANSACTION).key("amount").windowed().key());

    assertThat(keys.getKey(Schemas.tx("t1", "2026-03-01T09:00:00Z", "A", "X", "10.0")))
        .isEqualTo(keys.getKey(Schemas.tx("t2", "2026-03-01T09:00:00Z", "A", "X", "10")));
  }

  @Test
  void eventsWithNullKeyOrUnreadTypeHaveNoKey() {
    RuleKeys keys = new RuleKeys(RulePlans.rule("r").on(Schemas.TRANSACTION).key("accountId").windowed().key());
    Event noAccount = Schemas.tx("t1", "2026-03-01T09:00:00Z", null, "X", "1");
    Event otherType = Schemas.event(Schemas.ALL_TYPES, "e", "2026-03-01T09:00:00Z", "s", "A1");

    assertThat(keys.filter(noAccount)).isFalse();
    assertThat(keys.filter(otherType)).isFalse();
    assertThatThrownBy(() -> keys.getKey(noAccount)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void rulesOnDifferentTypesShareOneKey() throws Exception {
    RuleKeys keys = RuleKeys.forRules(List.of(
        RulePlans.rule("a").on(Schemas.TRANSACTION).key("accountId").windowed(),
        RulePlans.rule("b").on(PAYMENT).key("accountId").windowed()));
    Event payment = Schemas.event(PAYMENT, "p1", "2026-03-01T09:00:00Z", "cardId", "C", "accountId", "A1");

    assertThat(keys.getKey(payment)).isEqualTo("A1");
    assertThat(keys.values(payment)).containsExactly("A1");
    assertThat(keys.getKey(Schemas.tx("t1", "2026-03-01T09:00:00Z", "A1", "X", "1"))).isEqualTo("A1");
  }
}
