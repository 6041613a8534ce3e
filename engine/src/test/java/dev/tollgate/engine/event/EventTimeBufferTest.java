package dev.tollgate.engine.event;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.engine.testing.Schemas;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventTimeBufferTest {
  private final EventTimeBuffer<String> buffer =
      new EventTimeBuffer<>("pending", new EventSerializer(new EventCatalog(List.of(Schemas.TRANSACTION))));
  private final List<String> drained = new ArrayList<>();

  @Test
  void handsOutDueEventsInTimeThenIdOrderKeyByKey() {
    add("B", "b2", "09:00:02");
    add("A", "a3", "09:00:03");
    add("A", "a1z", "09:00:01");
    add("B", "b1", "09:00:01");
    add("A", "a1a", "09:00:01");

    int count = drain("09:00:02");

    // keys in the order of their first due event (a1a < a1z < b1 at 09:00:01), each key's events in order
    assertThat(count).isEqualTo(4);
    assertThat(drained).containsExactly("A:[a1a, a1z]", "B:[b1, b2]");
    assertThat(buffer.size()).isOne();
  }

  @Test
  void keepsWhatTheWatermarkHasNotPassed() {
    add("A", "a1", "09:00:01");
    add("A", "a2", "09:00:05");

    assertThat(drain("09:00:00.999")).isZero();
    assertThat(drain("09:00:04")).isOne();
    assertThat(drain("09:00:05")).isOne();

    assertThat(drained).containsExactly("A:[a1]", "A:[a2]");
    assertThat(buffer.isEmpty()).isTrue();
  }

  private void add(String key, String id, String time) {
    buffer.add(key, Schemas.tx(id, "2026-03-01T" + time + "Z", key, "WIRE", "1"));
  }

  private int drain(String time) {
    return buffer.drain(Instant.parse("2026-03-01T" + time + "Z").toEpochMilli(),
        (key, events) -> drained.add(key + ":" + events.stream().map(Event::id).toList()));
  }
}
