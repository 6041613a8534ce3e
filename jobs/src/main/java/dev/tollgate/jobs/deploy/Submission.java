package dev.tollgate.jobs.deploy;

import dev.tollgate.jobs.config.JobSettings;
import dev.tollgate.jobs.runtime.JobLauncher;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.flink.streaming.api.graph.StreamGraph;

/**
 * A job to submit to a cluster: which job, its config file and rule set, parallelism, and the
 * savepoint to start from. Paths are made absolute: the job's {@code main} reads them where it
 * runs, on the JobManager.
 *
 * @param config the job's config file, or null for the job's defaults
 * @param rules the rule set, overriding the config's {@code rules.path}; empty to keep it
 * @param parallelism null for the config's {@code parallelism}, else 1
 * @param savepoint the savepoint to restore, or null
 * @param sets further {@code key=value} overrides of the config, as the job's {@code --set}
 */
public record Submission(
    JobKind job, Path config, List<Path> rules, Integer parallelism, String savepoint, List<String> sets) {
  public Submission {
    config = config == null ? null : config.toAbsolutePath().normalize();
    rules = rules.stream().map(p -> p.toAbsolutePath().normalize()).toList();
    sets = List.copyOf(sets);
  }

  public Submission withConfig(Path newConfig) {
    return new Submission(job, newConfig, rules, parallelism, savepoint, sets);
  }

  public Submission withSets(List<String> newSets) {
    return new Submission(job, config, rules, parallelism, savepoint, newSets);
  }

  public Submission withParallelism(int newParallelism) {
    return new Submission(job, config, rules, newParallelism, savepoint, sets);
  }

  public Submission fromSavepoint(String path) {
    return new Submission(job, config, rules, parallelism, path, sets);
  }

  /** The job's command line: {@code --config FILE --set rules.path=DIR ...}. */
  public List<String> programArgs() {
    List<String> args = new ArrayList<>();
    if (config != null) {
      args.add("--config");
      args.add(config.toString());
    }
    if (!rules.isEmpty()) {
      args.add("--set");
      args.add("rules.path=" + rules.stream().map(Path::toString).collect(Collectors.joining(",")));
    }
    for (String set : sets) {
      args.add("--set");
      args.add(set);
    }
    return args;
  }

  /**
   * Reads the config and compiles the rule set here, as the job will on the cluster, so problems
   * show before anything is stopped or uploaded; builds the job graph for its operator uids.
   */
  public Prepared prepare() {
    JobLauncher launcher = JobLauncher.prepare(job.profile(), programArgs().toArray(String[]::new));
    StreamGraph graph = launcher.environment().getStreamGraph();
    RuleSetManifest manifest = RuleSetManifest.of(job, config == null ? null : config.toString(), sets, launcher.plan(), graph);
    int effectiveParallelism = parallelism != null ? parallelism : launcher.settings().parallelism().orElse(1);
    return new Prepared(this, manifest, effectiveParallelism, launcher.settings());
  }

  /** A submission checked locally, with what it will run and the settings it runs with. */
  public record Prepared(Submission submission, RuleSetManifest manifest, int parallelism, JobSettings settings) {
    /** Every topic the job reads or writes. */
    public List<String> topics() {
      List<String> topics = new ArrayList<>(settings.topics().inputs());
      topics.add(settings.topics().alerts());
      topics.add(settings.topics().rejected());
      if (!manifest.aggregates().isEmpty()) {
        topics.add(settings.topics().aggregates());
      }
      return topics;
    }
  }
}
