package dev.tollgate.jobs.runtime;

import dev.tollgate.dsl.Compilation;
import dev.tollgate.dsl.RuleSetCompiler;
import dev.tollgate.dsl.diag.Diagnostic;
import dev.tollgate.dsl.diag.DiagnosticPrinter;
import dev.tollgate.dsl.plan.AggregatePlan;
import dev.tollgate.dsl.plan.Mode;
import dev.tollgate.dsl.plan.RouteDestination;
import dev.tollgate.dsl.plan.RoutePlan;
import dev.tollgate.dsl.plan.RulePlan;
import dev.tollgate.dsl.plan.RuleSetPlan;
import dev.tollgate.jobs.config.ConfigException;
import dev.tollgate.jobs.config.JobSettings;
import dev.tollgate.jobs.config.SettingsReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rule set a job runs: compiled where {@code main} runs (the client, or the JobManager for a
 * REST submission) and shipped inside the job graph, so TaskManagers never read rule files. Then
 * narrowed to the job's selection and checked against the topics: a typed topic must name an
 * event type of the rule set, a Kafka route must write to a valid topic that is not an input, and
 * the selection must run something.
 */
public final class JobRules {
  private static final Logger LOG = LoggerFactory.getLogger(JobRules.class);

  private JobRules() {}

  /** The selected plan; {@link RuleSetException} with the findings, or {@link ConfigException}. */
  public static RuleSetPlan load(JobSettings settings) {
    JobSettings.Rules rules = settings.rules();
    List<String> missing = new ArrayList<>();
    for (Path path : rules.paths()) {
      if (!Files.exists(path)) {
        missing.add("rules.path: " + path + " does not exist");
      }
    }
    if (!missing.isEmpty()) {
      throw new ConfigException(missing);
    }
    Compilation compilation = new RuleSetCompiler().compile(rules.paths(), rules.params());
    DiagnosticPrinter printer = new DiagnosticPrinter(compilation.sources());
    StringBuilder findings = new StringBuilder();
    for (Diagnostic diagnostic : compilation.diagnostics().sorted()) {
      findings.append(printer.render(diagnostic));
    }
    if (compilation.plan() == null) {
      throw new RuleSetException("the rule set " + rules.paths() + " has " + compilation.diagnostics().errorCount()
          + " error(s); the job was not started:\n" + findings);
    }
    if (findings.length() > 0) {
      LOG.warn("Rule set {} compiled with warnings:\n{}", rules.paths(), findings);
    }
    return select(settings, compilation.plan());
  }

  /** The part of a compiled rule set the job runs, checked against the job's topics. */
  static RuleSetPlan select(JobSettings settings, RuleSetPlan compiled) {
    RuleSetPlan plan = settings.rules().selection().apply(compiled);
    List<String> problems = new ArrayList<>();
    settings.topics().typeByTopic().forEach((topic, type) -> {
      if (plan.eventType(type) == null) {
        List<String> known = new ArrayList<>();
        plan.eventTypes().forEach(eventType -> known.add(eventType.name()));
        problems.add("topics.typed." + type + " (topic " + topic + "): the rule set has no event type " + type
            + "; it has " + String.join(", ", known));
      }
    });
    for (RoutePlan route : plan.routes()) {
      if (route.destination() instanceof RouteDestination.Kafka kafka) {
        if (!SettingsReader.isTopicName(kafka.topic())) {
          problems.add("route " + route.name() + ": '" + kafka.topic() + "' is not a valid Kafka topic name");
        }
        if (settings.topics().inputs().contains(kafka.topic())) {
          problems.add("route " + route.name() + ": topic " + kafka.topic() + " is an input of the job");
        }
      }
    }
    if (enabledBlocks(plan) == 0) {
      problems.add("the selection " + settings.rules().selection().describe()
          + " runs no enabled rule or aggregate of the rule set " + settings.rules().paths());
    }
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    return plan;
  }

  /** Rules and aggregates of the plan that are not disabled. */
  public static int enabledBlocks(RuleSetPlan plan) {
    int enabled = 0;
    for (RulePlan rule : plan.rules()) {
      enabled += rule.metadata().mode() == Mode.DISABLED ? 0 : 1;
    }
    for (AggregatePlan aggregate : plan.aggregates()) {
      enabled += aggregate.metadata().mode() == Mode.DISABLED ? 0 : 1;
    }
    return enabled;
  }

  /** The rule set does not compile; the message holds every finding, as {@code tollgate check} prints them. */
  public static final class RuleSetException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public RuleSetException(String message) {
      super(message);
    }
  }
}
