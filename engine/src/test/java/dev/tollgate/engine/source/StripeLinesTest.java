package dev.tollgate.engine.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StripeLinesTest {
  private static final String FILE = "events.jsonl";

  @Test
  void eachStripeTakesEveryNthLineNumberedInTheWholeFile() throws IOException {
    String text = line("a", 10) + line("b", 20) + line("c", 30) + line("d", 40) + line("e", 50);

    assertThat(read(text, 0, 2)).extracting(r -> r.offset).containsExactly(1L, 3L, 5L);
    assertThat(read(text, 1, 2)).extracting(r -> r.offset).containsExactly(2L, 4L);
    assertThat(read(text, 0, 1)).extracting(r -> r.text()).containsExactly(
        text.lines().toArray(String[]::new));
  }

  @Test
  void everyRecordKnowsTheLatestTsOnAnyEarlierLine() throws IOException {
    String text = line("a", 10) + line("b", 40) + line("c", 30) + "not json\n" + line("d", 20);

    List<RawRecord> first = read(text, 0, 2);
    assertThat(first).extracting(r -> r.eventTimeBefore).containsExactly(Long.MIN_VALUE, 40L, 40L);
    assertThat(read(text, 1, 2)).extracting(r -> r.eventTimeBefore).containsExactly(10L, 40L);
  }

  @Test
  void readsLinesAsBufferedReaderDoes() throws IOException {
    String text = line("a", 1).replace("\n", "\r\n") + "\n" + "{\"id\":\"ü\",\"ts\":2}";

    assertThat(read(text, 0, 1)).extracting(r -> r.text())
        .containsExactly("{\"id\":\"a\",\"ts\":1}", "", "{\"id\":\"ü\",\"ts\":2}");
  }

  @Test
  void aLineLongerThanTheBufferArrivesWhole() throws IOException {
    String big = "{\"id\":\"big\",\"ts\":5,\"note\":\"" + "x".repeat(200_000) + "\"}";
    String text = line("a", 1) + big + "\n" + line("b", 3);

    assertThat(read(text, 0, 1)).extracting(r -> r.text().length())
        .containsExactly(line("a", 1).length() - 1, big.length(), line("b", 3).length() - 1);
    assertThat(read(text, 0, 2)).last().satisfies(r -> assertThat(r.eventTimeBefore).isEqualTo(5L));
  }

  @Test
  void resumesFromItsPositionWithTheTimeReachedSoFar() throws IOException {
    String text = line("a", 10) + line("b", 40) + line("c", 30) + line("d", 50) + line("e", 45);
    FileStripe stripe = FileStripe.of("/f", FILE, 2).get(0);
    FileStripe position;
    try (StripeLines lines = new StripeLines(stream(text), stripe)) {
      lines.next();
      position = lines.position();
    }

    assertThat(position.linesBefore()).isEqualTo(1);
    List<RawRecord> rest = new ArrayList<>();
    try (StripeLines lines = new StripeLines(stream(text), position)) {
      for (RawRecord r; (r = lines.next()) != null; ) {
        rest.add(r);
      }
      assertThat(lines.eventTime()).isEqualTo(50L);
    }
    assertThat(rest).extracting(r -> r.offset).containsExactly(3L, 5L);
    assertThat(rest).extracting(r -> r.eventTimeBefore).containsExactly(40L, 50L);
  }

  private static String line(String id, long ts) {
    return "{\"id\":\"" + id + "\",\"ts\":" + ts + "}\n";
  }

  private static List<RawRecord> read(String text, int stripe, int stripes) throws IOException {
    List<RawRecord> records = new ArrayList<>();
    try (StripeLines lines = new StripeLines(stream(text), FileStripe.of("/f", FILE, stripes).get(stripe))) {
      for (RawRecord r; (r = lines.next()) != null; ) {
        assertThat(r.source).isEqualTo(FILE);
        records.add(r);
      }
    }
    return records;
  }

  private static ByteArrayInputStream stream(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }
}
