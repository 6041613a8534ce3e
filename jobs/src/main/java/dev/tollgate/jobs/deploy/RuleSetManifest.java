package dev.tollgate.jobs.deploy;

import dev.tollgate.dsl.plan.AggregatePlan;
import dev.tollgate.dsl.plan.Mode;
import dev.tollgate.dsl.plan.RulePlan;
import dev.tollgate.dsl.plan.RuleSetPlan;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.flink.streaming.api.graph.StreamGraph;
import org.apache.flink.streaming.api.graph.StreamNode;

/**
 * What a submitted job runs, recorded in the job's parameters ({@code
 * pipeline.global-job-parameters}) so a later deploy can tell what its savepoint holds: the
 * enabled rules and aggregates with their versions, and the uids of the job's operators.
 *
 * <p>Rule state lives in keyed operators whose uids come from what they run ({@code
 * windowed/<key fields>}, {@code patterns/<key fields>}, {@code aggregate/<id>}; see {@code
 * RiskPipeline} and {@code AggregateOperators}), and inside an operator each rule's state is named
 * {@code <ruleId>@<version>}. So a rule keeps its state across a deploy exactly when its id and
 * version are unchanged; an operator uid missing from the new job is state the new job drops.
 *
 * @param job the job's keyword ({@code risk}, ...)
 * @param config the config file the job was submitted with, or null
 * @param sets the {@code --set} overrides it was submitted with
 * @param rules enabled rule id → version
 * @param aggregates enabled aggregate id → version
 * @param operators uids of the job's operators
 */
public record RuleSetManifest(
    String job, String config, List<String> sets, SortedMap<String, String> rules, SortedMap<String, String> aggregates,
    SortedSet<String> operators) {
  static final String JOB = "tollgate.job";
  static final String CONFIG = "tollgate.config";
  static final String SETS = "tollgate.sets";
  static final String RULES = "tollgate.rules";
  static final String AGGREGATES = "tollgate.aggregates";
  static final String OPERATORS = "tollgate.operators";

  public RuleSetManifest {
    sets = List.copyOf(sets);
    rules = new TreeMap<>(rules);
    aggregates = new TreeMap<>(aggregates);
    operators = new TreeSet<>(operators);
  }

  /** The manifest of a plan and the job graph built from it. */
  public static RuleSetManifest of(JobKind job, String config, List<String> sets, RuleSetPlan plan, StreamGraph graph) {
    SortedMap<String, String> rules = new TreeMap<>();
    for (RulePlan rule : plan.rules()) {
      if (rule.metadata().mode() != Mode.DISABLED) {
        rules.put(rule.id(), rule.version());
      }
    }
    SortedMap<String, String> aggregates = new TreeMap<>();
    for (AggregatePlan aggregate : plan.aggregates()) {
      if (aggregate.metadata().mode() != Mode.DISABLED) {
        aggregates.put(aggregate.id(), aggregate.version());
      }
    }
    SortedSet<String> operators = new TreeSet<>();
    for (StreamNode node : graph.getStreamNodes()) {
      if (node.getTransformationUID() != null) {
        operators.add(node.getTransformationUID());
      }
    }
    return new RuleSetManifest(job.keyword(), config, sets, rules, aggregates, operators);
  }

  /**
   * The job parameters that record this manifest, each value URL-encoded: uids hold spaces,
   * commas and colons ({@code Sink Committer: kafka-sink/alerts}, {@code windowed/buyerId,sku}),
   * which Flink's map syntax would split on. Lists are space-separated before encoding.
   */
  public Map<String, String> toJobParameters() {
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put(JOB, job);
    if (config != null) {
      parameters.put(CONFIG, encode(config));
    }
    if (!sets.isEmpty()) {
      parameters.put(SETS, encode(String.join("\n", sets)));
    }
    // Flink's map syntax has no empty values: an empty list is left out.
    if (!rules.isEmpty()) {
      parameters.put(RULES, encode(versions(rules)));
    }
    if (!aggregates.isEmpty()) {
      parameters.put(AGGREGATES, encode(versions(aggregates)));
    }
    List<String> uids = new ArrayList<>();
    operators.forEach(uid -> uids.add(encode(uid)));
    parameters.put(OPERATORS, encode(String.join(" ", uids)));
    return parameters;
  }

  /** The value of Flink's {@code pipeline.global-job-parameters}: {@code key:value,key:value}. */
  public String toFlinkOption() {
    List<String> entries = new ArrayList<>();
    toJobParameters().forEach((key, value) -> entries.add(key + ":" + value));
    return String.join(",", entries);
  }

  /** The manifest recorded in a running job's parameters, if it was submitted by Tollgate. */
  public static Optional<RuleSetManifest> fromJobParameters(Map<String, String> parameters) {
    if (!parameters.containsKey(JOB) || !parameters.containsKey(OPERATORS)) {
      return Optional.empty();
    }
    SortedSet<String> operators = new TreeSet<>();
    words(decode(parameters.get(OPERATORS))).forEach(uid -> operators.add(decode(uid)));
    String config = parameters.get(CONFIG);
    return Optional.of(new RuleSetManifest(
        parameters.get(JOB),
        config == null ? null : decode(config),
        parameters.containsKey(SETS) ? List.of(decode(parameters.get(SETS)).split("\n")) : List.of(),
        parseVersions(decode(parameters.getOrDefault(RULES, ""))),
        parseVersions(decode(parameters.getOrDefault(AGGREGATES, ""))),
        operators));
  }

  private static String versions(SortedMap<String, String> versions) {
    List<String> entries = new ArrayList<>();
    versions.forEach((id, version) -> entries.add(id + "@" + version));
    return String.join(" ", entries);
  }

  private static SortedMap<String, String> parseVersions(String text) {
    SortedMap<String, String> versions = new TreeMap<>();
    for (String entry : words(text)) {
      int at = entry.lastIndexOf('@');
      versions.put(entry.substring(0, at), entry.substring(at + 1));
    }
    return versions;
  }

  private static List<String> words(String text) {
    return text.isBlank() ? List.of() : Arrays.asList(text.trim().split("\\s+"));
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  private static String decode(String text) {
    return URLDecoder.decode(text, StandardCharsets.UTF_8);
  }
}
