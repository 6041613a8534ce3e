package dev.tollgate.jobs.stack;

import dev.tollgate.jobs.rest.FlinkRestClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.GlobalConfiguration;

/**
 * A standalone Flink session cluster on loopback: one JobManager ({@code
 * StandaloneSessionClusterEntrypoint}) and TaskManagers ({@code TaskManagerRunner}), each a JVM of
 * its own started the way Flink's {@code bin/jobmanager.sh} and {@code bin/taskmanager.sh} do,
 * with JVM memory flags and dynamic memory settings computed by Flink's {@code BashJavaUtils}.
 *
 * <p>Layout under its folder: {@code conf/} (config.yaml, log4j.properties), {@code checkpoints/},
 * {@code savepoints/}, {@code tmp/}, {@code web-upload/}. Logs go to the stack's log folder as
 * {@code flink-jobmanager.log}, {@code flink-taskmanager-N.log} and {@code .out} files.
 */
public final class FlinkSessionCluster implements AutoCloseable {
  public static final String JOB_MANAGER_CLASS = "org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint";
  public static final String TASK_MANAGER_CLASS = "org.apache.flink.runtime.taskexecutor.TaskManagerRunner";
  private static final String BASH_JAVA_UTILS = "org.apache.flink.runtime.util.bash.BashJavaUtils";
  private static final String RESULT_PREFIX = "BASH_JAVA_UTILS_EXEC_RESULT:";

  private final String classpath;
  private final Path dir;
  private final Path logs;
  private final Ports ports;
  private final JvmProcess jobManager;
  private final List<JvmProcess> taskManagers = new ArrayList<>();
  private final FlinkRestClient rest;
  private int taskManagersStarted;

  /** The JobManager's RPC port (TaskManagers register there) and its REST port. */
  public record Ports(int rpc, int rest) {
    public static Ports free() {
      return new Ports(LoopbackPorts.free(), LoopbackPorts.free());
    }
  }

  private FlinkSessionCluster(String classpath, Path dir, Path logs, Ports ports, JvmProcess jobManager) {
    this.classpath = classpath;
    this.dir = dir;
    this.logs = logs;
    this.ports = ports;
    this.jobManager = jobManager;
    this.rest = new FlinkRestClient(restAddress(ports));
  }

  /**
   * Writes the configuration, starts the JobManager and waits until its REST API answers. No
   * TaskManager runs yet: {@link #startTaskManager}.
   *
   * @param settings configuration on top of the cluster defaults (see {@link #defaults})
   */
  public static FlinkSessionCluster start(
      String classpath, Path dir, Path logs, Ports ports, Map<String, String> settings, Duration timeout) {
    Path conf = dir.resolve("conf");
    try {
      Files.createDirectories(conf);
      Files.createDirectories(logs);
      Map<String, String> config = new LinkedHashMap<>(defaults(dir, ports));
      config.putAll(settings);
      Files.writeString(conf.resolve("config.yaml"), yaml(config));
      Files.writeString(conf.resolve("log4j.properties"), LOG4J);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Resources resources = resourceParams(classpath, dir, logs, "GET_JM_RESOURCE_PARAMS");
    JvmProcess jobManager = JvmProcess.start("Flink JobManager",
        new JvmCommand(classpath, JOB_MANAGER_CLASS)
            .jvmOptions(resources.jvmOptions())
            .jvmOptions(JvmCommand.FLINK_JDK_OPENS)
            .jvmOptions(javaOptions(conf, CoreOptions.FLINK_JM_JVM_OPTIONS))
            .jvmOptions(logging(conf, logs.resolve("flink-jobmanager.log")))
            .arguments("--configDir", conf.toString())
            .arguments(resources.dynamicConfig()),
        dir, logs.resolve("flink-jobmanager.out"));
    FlinkSessionCluster cluster = new FlinkSessionCluster(classpath, dir, logs, ports, jobManager);
    cluster.awaitRest(timeout);
    return cluster;
  }

  /** A running cluster's processes, found by their pids. */
  public static FlinkSessionCluster attach(String classpath, Path dir, Path logs, Ports ports, JvmProcess jobManager, List<JvmProcess> taskManagers) {
    FlinkSessionCluster cluster = new FlinkSessionCluster(classpath, dir, logs, ports, jobManager);
    cluster.taskManagers.addAll(taskManagers);
    cluster.taskManagersStarted = taskManagers.size();
    return cluster;
  }

  /**
   * The configuration every cluster of the project starts from: loopback addresses, RocksDB state
   * with checkpoints and savepoints in the cluster's folder, heartbeats fast enough to notice a
   * lost TaskManager within seconds, a TaskManager that retries registration after 1 s (the
   * default waits 10 s after a refused attempt), and G1 aiming at 20 ms pauses in every Flink JVM
   * ({@code env.java.opts.all}, as Kafka's scripts do for the broker): at G1's default target of
   * 200 ms, young collections on a small machine pause a TaskManager for ~100 ms, which is the
   * whole tail of the alert latency.
   */
  public static Map<String, String> defaults(Path dir, Ports ports) {
    Map<String, String> config = new LinkedHashMap<>();
    config.put("jobmanager.rpc.address", LoopbackPorts.HOST);
    config.put("jobmanager.rpc.port", Integer.toString(ports.rpc()));
    config.put("jobmanager.bind-host", LoopbackPorts.HOST);
    config.put("jobmanager.memory.process.size", "1024m");
    config.put("taskmanager.host", LoopbackPorts.HOST);
    config.put("taskmanager.bind-host", LoopbackPorts.HOST);
    config.put("taskmanager.numberOfTaskSlots", "2");
    config.put("taskmanager.memory.process.size", "1536m");
    config.put("rest.address", LoopbackPorts.HOST);
    config.put("rest.bind-address", LoopbackPorts.HOST);
    config.put("rest.port", Integer.toString(ports.rest()));
    config.put("cluster.registration.error-delay", "1 s");
    config.put("heartbeat.interval", "1 s");
    config.put("heartbeat.timeout", "10 s");
    config.put("restart-strategy.type", "fixed-delay");
    config.put("restart-strategy.fixed-delay.attempts", "1000");
    config.put("restart-strategy.fixed-delay.delay", "1 s");
    config.put("state.backend.type", "rocksdb");
    config.put("execution.checkpointing.dir", dir.resolve("checkpoints").toUri().toString());
    config.put("execution.checkpointing.savepoint-dir", dir.resolve("savepoints").toUri().toString());
    config.put("io.tmp.dirs", dir.resolve("tmp").toAbsolutePath().toString());
    config.put("web.upload.dir", dir.resolve("web-upload").toAbsolutePath().toString());
    config.put("web.tmpdir", dir.resolve("tmp").toAbsolutePath().toString());
    config.put(CoreOptions.FLINK_JVM_OPTIONS.key(), String.join(" ", JvmCommand.LOW_PAUSE_GC));
    return config;
  }

  /** Starts a TaskManager and waits until the JobManager has registered it. */
  public JvmProcess startTaskManager(Duration timeout) {
    taskManagersStarted++;
    String resourceId = "taskmanager-" + taskManagersStarted;
    Path conf = dir.resolve("conf");
    Resources resources = resourceParams(classpath, dir, logs, "GET_TM_RESOURCE_PARAMS");
    JvmProcess taskManager = JvmProcess.start("Flink " + resourceId,
        new JvmCommand(classpath, TASK_MANAGER_CLASS)
            .jvmOptions(resources.jvmOptions())
            .jvmOptions(JvmCommand.FLINK_JDK_OPENS)
            .jvmOptions(javaOptions(conf, CoreOptions.FLINK_TM_JVM_OPTIONS))
            .jvmOptions(logging(conf, logs.resolve("flink-" + resourceId + ".log")))
            .arguments("--configDir", conf.toString())
            .arguments(resources.dynamicConfig())
            .arguments("-D", "taskmanager.resource-id=" + resourceId),
        dir, logs.resolve("flink-" + resourceId + ".out"));
    taskManagers.add(taskManager);
    boolean up = Waits.until(() -> !taskManager.isAlive() || registered(resourceId), timeout);
    if (!up || !taskManager.isAlive()) {
      taskManager.kill();
      throw new IllegalStateException(taskManager + " did not register within " + timeout + "; see " + taskManager.output());
    }
    return taskManager;
  }

  /** SIGKILL to a TaskManager, as when its machine fails; the JobManager notices by heartbeat. */
  public void killTaskManager(JvmProcess taskManager) {
    taskManager.kill();
    taskManagers.remove(taskManager);
  }

  public URI restAddress() {
    return restAddress(ports);
  }

  public FlinkRestClient rest() {
    return rest;
  }

  public JvmProcess jobManager() {
    return jobManager;
  }

  public List<JvmProcess> taskManagers() {
    return List.copyOf(taskManagers);
  }

  public Ports ports() {
    return ports;
  }

  public Path savepoints() {
    return dir.resolve("savepoints");
  }

  @Override
  public void close() {
    taskManagers.forEach(JvmProcess::stop);
    jobManager.stop();
  }

  private boolean registered(String resourceId) {
    try {
      return rest.taskManagerIds().contains(resourceId);
    } catch (RuntimeException notYet) {
      return false;
    }
  }

  private void awaitRest(Duration timeout) {
    boolean up = Waits.until(() -> {
      if (!jobManager.isAlive()) {
        return true;
      }
      try {
        rest.overview();
        return true;
      } catch (RuntimeException notYet) {
        return false;
      }
    }, timeout);
    if (!up || !jobManager.isAlive()) {
      jobManager.kill();
      throw new IllegalStateException("the Flink JobManager did not start within " + timeout + "; see " + jobManager.output());
    }
  }

  private static URI restAddress(Ports ports) {
    return URI.create("http://" + LoopbackPorts.HOST + ":" + ports.rest());
  }

  /**
   * The JVM options the configuration gives a process, as Flink's scripts add them: {@code
   * env.java.opts.all}, then the role's own ({@code env.java.opts.jobmanager} or {@code
   * .taskmanager}).
   */
  private static List<String> javaOptions(Path conf, ConfigOption<String> role) {
    Configuration config = GlobalConfiguration.loadConfiguration(conf.toString());
    List<String> options = new ArrayList<>(words(config.get(CoreOptions.FLINK_JVM_OPTIONS)));
    options.addAll(words(config.get(role)));
    return options;
  }

  /** JVM flags (heap, direct memory, metaspace) and the dynamic memory settings that go with them. */
  private record Resources(List<String> jvmOptions, List<String> dynamicConfig) {}

  /**
   * Runs {@code BashJavaUtils} as Flink's scripts do and reads its two result lines: the JVM
   * options, then the {@code -D key=value} settings the process is started with.
   */
  private static Resources resourceParams(String classpath, Path dir, Path logs, String command) {
    Path output = logs.resolve("bash-java-utils.out");
    try {
      Files.deleteIfExists(output);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    JvmProcess utils = JvmProcess.start("BashJavaUtils " + command,
        new JvmCommand(classpath, BASH_JAVA_UTILS).arguments(command, "--configDir", dir.resolve("conf").toString()),
        dir, output);
    if (!utils.await(Duration.ofMinutes(1)) || utils.exitCode() != 0) {
      utils.kill();
      throw new IllegalStateException("BashJavaUtils " + command + " failed; see " + output);
    }
    List<String> results;
    try {
      results = Files.readAllLines(output).stream()
          .filter(line -> line.startsWith(RESULT_PREFIX))
          .map(line -> line.substring(RESULT_PREFIX.length()).trim())
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (results.size() != 2) {
      throw new IllegalStateException("BashJavaUtils " + command + " printed " + results.size() + " results, not 2; see " + output);
    }
    return new Resources(words(results.get(0)), words(results.get(1)));
  }

  private static List<String> words(String line) {
    return line == null || line.isBlank() ? List.of() : Arrays.asList(line.split("\\s+"));
  }

  private static List<String> logging(Path conf, Path logFile) {
    return List.of(
        "-Dlog.file=" + logFile.toAbsolutePath(),
        "-Dlog4j.configurationFile=" + conf.resolve("log4j.properties").toUri());
  }

  private static String yaml(Map<String, String> config) {
    StringBuilder text = new StringBuilder();
    config.forEach((key, value) -> text.append(key).append(": '").append(value.replace("'", "''")).append("'\n"));
    return text.toString();
  }

  private static final String LOG4J = String.join("\n",
      "monitorInterval = 30",
      "rootLogger.level = INFO",
      "rootLogger.appenderRef.file.ref = MainAppender",
      "logger.pekko.name = org.apache.pekko",
      "logger.pekko.level = INFO",
      "logger.kafka.name = org.apache.kafka",
      "logger.kafka.level = INFO",
      "logger.netty.name = org.apache.flink.shaded.netty4.io.netty.channel.DefaultChannelPipeline",
      "logger.netty.level = OFF",
      "appender.main.name = MainAppender",
      "appender.main.type = File",
      "appender.main.append = true",
      "appender.main.fileName = ${sys:log.file}",
      "appender.main.layout.type = PatternLayout",
      "appender.main.layout.pattern = %d{yyyy-MM-dd HH:mm:ss,SSS} %-5p %-60c %x - %m%n",
      "")
      + "\n";
}
