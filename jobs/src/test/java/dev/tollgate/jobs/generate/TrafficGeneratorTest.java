package dev.tollgate.jobs.generate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.tollgate.dsl.Compilation;
import dev.tollgate.dsl.RuleSetCompiler;
import dev.tollgate.dsl.plan.EventTypePlan;
import dev.tollgate.dsl.plan.EventTypePlan.FieldPlan;
import dev.tollgate.engine.event.Event;
import dev.tollgate.engine.event.EventCatalog;
import dev.tollgate.engine.event.EventDecoder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TrafficGeneratorTest {
  private static final int SAMPLE = 30_000;
  private static final JsonFactory JSON = new JsonFactory();

  static List<String> mixed;
  static TrafficGenerator.Summary mixedSummary;

  @BeforeAll
  static void generateMixedSample() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    mixedSummary = TrafficGenerator.generate(settings(SAMPLE, 42, "mixed"), out);
    mixed = lines(out);
  }

  @Test
  void writesExactlyTheRequestedNumberOfLines() {
    assertThat(mixed).hasSize(SAMPLE);
    assertThat(mixedSummary.events()).isEqualTo(SAMPLE);
    assertThat(mixedSummary.eventsByType().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(SAMPLE);
  }

  @Test
  void theSameSeedGivesByteIdenticalOutput() throws IOException {
    byte[] first = generate(settings(5_000, 7, "mixed"));
    byte[] second = generate(settings(5_000, 7, "mixed"));

    assertThat(second).isEqualTo(first);
  }

  @Test
  void differentSeedsGiveDifferentTraffic() throws IOException {
    byte[] first = generate(settings(5_000, 7, "mixed"));
    byte[] second = generate(settings(5_000, 8, "mixed"));

    assertThat(second).isNotEqualTo(first);
  }

  @Test
  void everyLineDecodesAgainstTheShippedCatalogWithoutRejections() {
    EventDecoder decoder = new EventDecoder(shippedCatalog(), null);
    Map<String, String> rejections = new TreeMap<>();
    for (String line : mixed) {
      Event event = decoder.decode(line);
      if (event == null) {
        rejections.putIfAbsent(decoder.rejection().reason() + ": " + decoder.rejection().detail(), line);
      }
    }

    assertThat(rejections).isEmpty();
  }

  /** The decoder ignores unknown members, so a misspelled field would pass it as a null. */
  @Test
  void writesOnlyDeclaredFieldsAndEveryDeclaredField() throws IOException {
    Map<String, Set<String>> declared = new HashMap<>();
    for (EventTypePlan type : shippedCatalog().types()) {
      Set<String> names = new TreeSet<>();
      for (FieldPlan field : type.fields()) {
        names.add(field.name());
      }
      declared.put(type.name(), names);
    }
    Map<String, Set<String>> written = new TreeMap<>();
    for (String line : mixed) {
      Map<String, String> members = members(line);
      Set<String> names = new TreeSet<>(members.keySet());
      names.removeAll(Set.of("event", "label", "instance"));
      written.computeIfAbsent(members.get("event"), t -> new TreeSet<>()).addAll(names);
    }

    assertThat(written.keySet()).containsExactlyInAnyOrderElementsOf(declared.keySet());
    written.forEach((type, names) -> assertThat(names).as(type).isEqualTo(declared.get(type)));
  }

  @Test
  void aMixedSampleLabelsEveryTypologyWithNumberedInstances() throws IOException {
    Map<String, Set<String>> instances = new TreeMap<>();
    for (String line : mixed) {
      Map<String, String> members = members(line);
      if (members.containsKey("label")) {
        assertThat(members.get("instance")).startsWith(members.get("label") + "-");
        instances.computeIfAbsent(members.get("label"), l -> new TreeSet<>()).add(members.get("instance"));
      }
    }

    Set<String> labels = new TreeSet<>();
    for (Typology typology : Typology.values()) {
      labels.add(typology.label());
    }
    assertThat(instances.keySet()).isEqualTo(labels);
    instances.forEach((label, ids) -> assertThat(ids).as(label).hasSizeGreaterThanOrEqualTo(TrafficGenerator.MIN_INSTANCES));
    long labelled = mixed.stream().filter(line -> line.contains("\"label\"")).count();
    assertThat(labelled).isEqualTo(mixedSummary.labelledEvents());
    assertThat((double) labelled / SAMPLE).isBetween(0.5 * TrafficGenerator.LABELLED_SHARE, 2 * TrafficGenerator.LABELLED_SHARE);
  }

  @Test
  void eventIdsAreUnique() throws IOException {
    Set<String> ids = new HashSet<>();
    for (String line : mixed) {
      ids.add(members(line).get("id"));
    }

    assertThat(ids).hasSize(SAMPLE);
  }

  /** Out of order by a little, as a real feed is, but well inside the default 5 s allowance for lateness. */
  @Test
  void noEventIsMoreThanTwoSecondsBehindAnEarlierOne() throws IOException {
    long newest = 0;
    long worst = 0;
    for (String line : mixed) {
      long ts = Instant.parse(members(line).get("ts")).toEpochMilli();
      worst = Math.max(worst, newest == 0 ? 0 : newest - ts);
      newest = Math.max(newest, ts);
    }

    assertThat(worst).isPositive().isLessThanOrEqualTo(Simulation.MAX_JITTER_MILLIS);
  }

  @Test
  void coversAtLeastTheMinimumPeriodFromTheStart() {
    assertThat(mixedSummary.first()).isAfterOrEqualTo(TrafficGenerator.DEFAULT_START);
    assertThat(Duration.between(mixedSummary.first(), mixedSummary.last()))
        .isGreaterThan(TrafficGenerator.MIN_PERIOD.multipliedBy(9).dividedBy(10));
  }

  @Test
  void aScenarioWritesOnlyItsDomainsAndTypologies() throws IOException {
    List<String> aml = lines(generateStream(settings(5_000, 3, "aml")));
    Set<String> types = new TreeSet<>();
    Set<String> labels = new TreeSet<>();
    for (String line : aml) {
      Map<String, String> members = members(line);
      types.add(members.get("event"));
      if (members.containsKey("label")) {
        labels.add(members.get("label"));
      }
    }

    assertThat(types).containsExactly("Transaction");
    assertThat(labels).containsExactlyInAnyOrder("structuring", "fan_in", "fan_out", "rapid_movement",
        "high_risk_corridor", "round_amount_burst");
  }

  @Test
  void theBackgroundScenarioLabelsNothing() throws IOException {
    List<String> background = lines(generateStream(settings(5_000, 3, "background")));

    assertThat(background).hasSize(5_000).noneMatch(line -> line.contains("\"label\""));
  }

  static TrafficGenerator.Settings settings(long events, long seed, String scenario) {
    return new TrafficGenerator.Settings(events, seed, Scenario.parse(scenario), TrafficGenerator.DEFAULT_START);
  }

  private static byte[] generate(TrafficGenerator.Settings settings) throws IOException {
    return generateStream(settings).toByteArray();
  }

  private static ByteArrayOutputStream generateStream(TrafficGenerator.Settings settings) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    TrafficGenerator.generate(settings, out);
    return out;
  }

  private static List<String> lines(ByteArrayOutputStream out) {
    String text = out.toString(StandardCharsets.UTF_8);
    assertThat(text).endsWith("\n");
    return List.of(text.split("\n"));
  }

  static EventCatalog shippedCatalog() {
    Compilation compilation = new RuleSetCompiler().compile(List.of(Path.of("../rules/schema")), Map.of());
    assertThat(compilation.diagnostics().sorted()).isEmpty();
    return new EventCatalog(compilation.plan().eventTypes());
  }

  /** Top-level members of a JSON line, values as text. */
  private static Map<String, String> members(String line) throws IOException {
    Map<String, String> members = new HashMap<>();
    try (JsonParser parser = JSON.createParser(line)) {
      assertThat(parser.nextToken()).isEqualTo(JsonToken.START_OBJECT);
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        parser.nextToken();
        members.put(name, parser.getText());
      }
    }
    return members;
  }
}
