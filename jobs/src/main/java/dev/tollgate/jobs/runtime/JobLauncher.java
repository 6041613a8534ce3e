package dev.tollgate.jobs.runtime;

import dev.tollgate.dsl.plan.RuleSetPlan;
import dev.tollgate.jobs.config.ConfigKey;
import dev.tollgate.jobs.config.ConfigValues;
import dev.tollgate.jobs.config.JobArguments;
import dev.tollgate.jobs.config.JobSettings;
import dev.tollgate.jobs.config.SettingsReader;
import dev.tollgate.jobs.config.YamlConfigFile;
import java.io.PrintStream;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Runs a Tollgate job from its command line: {@code [--config FILE] [--set key=value]...
 * [--help]}. Reads the configuration (profile defaults, then the file, then {@code --set}),
 * compiles and selects the rule set, builds the job graph on the environment {@code main} runs in
 * and executes it. Problems with the configuration or the rules stop it before anything is
 * submitted, with a message that lists them all.
 */
public final class JobLauncher {
  private final JobSettings settings;
  private final RuleSetPlan plan;

  private JobLauncher(JobSettings settings, RuleSetPlan plan) {
    this.settings = settings;
    this.plan = plan;
  }

  /** What the jobs' {@code main} methods do. */
  public static void main(JobProfile profile, String[] args) throws Exception {
    JobArguments arguments = JobArguments.parse(args);
    if (arguments.help()) {
      printHelp(profile, System.out);
      return;
    }
    JobLauncher job = prepare(profile, arguments);
    job.environment().execute(job.settings.jobName());
  }

  /** Reads the settings and compiles the rules; nothing runs yet. */
  public static JobLauncher prepare(JobProfile profile, String... args) {
    return prepare(profile, JobArguments.parse(args));
  }

  private static JobLauncher prepare(JobProfile profile, JobArguments arguments) {
    ConfigValues file = arguments.configFile() == null ? null : YamlConfigFile.read(arguments.configFile());
    JobSettings settings = SettingsReader.read(profile.layer(file, arguments.overrides()));
    return new JobLauncher(settings, JobRules.load(settings));
  }

  public JobSettings settings() {
    return settings;
  }

  /** The selected part of the rule set this job runs. */
  public RuleSetPlan plan() {
    return plan;
  }

  /** A configured environment with the job graph built on it. */
  public StreamExecutionEnvironment environment() {
    StreamExecutionEnvironment env = JobEnvironment.create(settings);
    StreamingJob.build(env, settings, plan);
    return env;
  }

  /** Submits the job without waiting for it: for tests and for unbounded runs one cancels. */
  public JobClient start() throws Exception {
    return environment().executeAsync(settings.jobName());
  }

  /** Usage and every config key with this job's defaults. */
  public static void printHelp(JobProfile profile, PrintStream out) {
    out.println(profile.title() + " — arguments: [--config FILE.yaml] [--set key=value]... [--help]");
    out.println();
    out.println("Config keys (YAML, nested or dotted; --set overrides the file; lists comma-separated):");
    Map<String, String> defaults = new TreeMap<>(profile.defaults());
    for (ConfigKey key : ConfigKey.values()) {
      out.println("  " + key.displayName());
      out.println("      " + key.description());
      defaults.forEach((name, value) -> {
        if (ConfigKey.of(name) == key) {
          out.println("      default " + (key.isPrefix() ? name + ": " : "") + value);
        }
      });
      profile.inputDefaults().forEach((name, value) -> {
        if (ConfigKey.of(name) == key) {
          out.println("      default when no input topic is set: " + name + ": " + value);
        }
      });
    }
    out.println();
    out.println("See docs/operations.md and docs/jobs.md.");
  }
}
