package dev.tollgate.jobs.stack;

import dev.tollgate.jobs.rest.FlinkRestClient;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The broker and session cluster of {@code tollgate stack} for a local trial: started once, left
 * running after the command returns, found again through pid files. Everything lives under one
 * folder:
 *
 * <pre>
 * stack/run/stack.properties   ports the stack was started with
 * stack/run/*.pid              one pid file per process
 * stack/logs/                  every process's log and console output
 * stack/kafka/, stack/flink/   broker data, cluster configuration, checkpoints and savepoints
 * </pre>
 *
 * {@link #up} and {@link #down} are idempotent: up starts only what is not running, down stops
 * what is. Data stays between runs; topics and savepoints survive a down and up.
 */
public final class LocalStack {
  private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
  private static final String KAFKA = "kafka";
  private static final String JOB_MANAGER = "jobmanager";
  private static final String TASK_MANAGER = "taskmanager-";

  private final Path dir;

  public LocalStack(Path dir) {
    this.dir = dir.toAbsolutePath();
  }

  /** The ports of a stack; the defaults are the ones Kafka and Flink use out of the box. */
  public record Ports(int kafka, int kafkaController, int flinkRpc, int flinkRest) {
    public static final Ports DEFAULT = new Ports(9092, 9093, 6123, 8081);
  }

  /** What runs: one entry per process, with its pid when alive. */
  public record Status(Ports ports, Map<String, Optional<Long>> processes) {
    public boolean allRunning() {
      return processes.values().stream().allMatch(Optional::isPresent);
    }

    public boolean noneRunning() {
      return processes.values().stream().noneMatch(Optional::isPresent);
    }

    public String bootstrapServers() {
      return LoopbackPorts.HOST + ":" + ports.kafka();
    }

    public URI flinkRest() {
      return URI.create("http://" + LoopbackPorts.HOST + ":" + ports.flinkRest());
    }
  }

  public Path dir() {
    return dir;
  }

  public Path logs() {
    return dir.resolve("logs");
  }

  /**
   * Starts whatever part of the stack is not running: the broker, the JobManager, then {@code
   * taskManagers} TaskManagers. A running stack keeps the ports it was started with.
   */
  public Status up(Ports requested, int taskManagers, BuildClasspaths classpaths, PrintWriter out) {
    Status before = status();
    Ports ports = before.noneRunning() ? requested : before.ports();
    if (before.noneRunning()) {
      checkFree(ports);
      writePorts(ports);
    }
    if (before.processes().get(KAFKA).isEmpty()) {
      out.println("starting Kafka broker on " + LoopbackPorts.HOST + ":" + ports.kafka() + " …");
      out.flush();
      KafkaBroker broker = KafkaBroker.start(classpaths.kafkaBroker(), dir.resolve("kafka"), logs(),
          new KafkaBroker.Ports(ports.kafka(), ports.kafkaController()), START_TIMEOUT);
      writePid(KAFKA, broker.process().pid());
    }
    List<String> created = DefaultTopics.create(LoopbackPorts.HOST + ":" + ports.kafka());
    if (!created.isEmpty()) {
      out.println("created topics " + String.join(", ", created));
    }
    FlinkSessionCluster.Ports flinkPorts = new FlinkSessionCluster.Ports(ports.flinkRpc(), ports.flinkRest());
    FlinkSessionCluster cluster;
    Optional<JvmProcess> jobManager = attach(JOB_MANAGER, FlinkSessionCluster.JOB_MANAGER_CLASS);
    if (jobManager.isEmpty()) {
      out.println("starting Flink JobManager, REST on " + LoopbackPorts.HOST + ":" + ports.flinkRest() + " …");
      out.flush();
      cluster = FlinkSessionCluster.start(classpaths.flink(), dir.resolve("flink"), logs(), flinkPorts, Map.of(), START_TIMEOUT);
      writePid(JOB_MANAGER, cluster.jobManager().pid());
    } else {
      cluster = FlinkSessionCluster.attach(classpaths.flink(), dir.resolve("flink"), logs(), flinkPorts, jobManager.get(), taskManagers());
    }
    for (int running = cluster.taskManagers().size(); running < taskManagers; running++) {
      out.println("starting Flink TaskManager " + (running + 1) + " …");
      out.flush();
      JvmProcess taskManager = cluster.startTaskManager(START_TIMEOUT);
      writePid(TASK_MANAGER + cluster.taskManagers().size(), taskManager.pid());
    }
    return status();
  }

  /** Stops every process of the stack: TaskManagers, JobManager, broker. */
  public void down(PrintWriter out) {
    List<String> order = new ArrayList<>(taskManagerNames());
    order.add(JOB_MANAGER);
    order.add(KAFKA);
    for (String name : order) {
      Optional<JvmProcess> process = attach(name, mainClass(name));
      if (process.isPresent()) {
        out.println("stopping " + process.get());
        out.flush();
        process.get().stop();
      }
      deletePid(name);
    }
  }

  public Status status() {
    Map<String, Optional<Long>> processes = new java.util.LinkedHashMap<>();
    processes.put(KAFKA, attach(KAFKA, KafkaBroker.MAIN_CLASS).map(JvmProcess::pid));
    processes.put(JOB_MANAGER, attach(JOB_MANAGER, FlinkSessionCluster.JOB_MANAGER_CLASS).map(JvmProcess::pid));
    List<String> taskManagers = taskManagerNames();
    if (taskManagers.isEmpty()) {
      processes.put(TASK_MANAGER + 1, Optional.empty());
    }
    for (String name : taskManagers) {
      processes.put(name, attach(name, FlinkSessionCluster.TASK_MANAGER_CLASS).map(JvmProcess::pid));
    }
    return new Status(readPorts().orElse(Ports.DEFAULT), processes);
  }

  /** The Flink REST client of this stack. */
  public FlinkRestClient rest() {
    return new FlinkRestClient(status().flinkRest());
  }

  private List<JvmProcess> taskManagers() {
    List<JvmProcess> running = new ArrayList<>();
    for (String name : taskManagerNames()) {
      attach(name, FlinkSessionCluster.TASK_MANAGER_CLASS).ifPresent(running::add);
    }
    return running;
  }

  private List<String> taskManagerNames() {
    Path run = dir.resolve("run");
    if (!Files.isDirectory(run)) {
      return List.of();
    }
    try (var files = Files.list(run)) {
      return files.map(f -> f.getFileName().toString())
          .filter(n -> n.startsWith(TASK_MANAGER) && n.endsWith(".pid"))
          .map(n -> n.substring(0, n.length() - ".pid".length()))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String mainClass(String name) {
    if (name.equals(KAFKA)) {
      return KafkaBroker.MAIN_CLASS;
    }
    return name.equals(JOB_MANAGER) ? FlinkSessionCluster.JOB_MANAGER_CLASS : FlinkSessionCluster.TASK_MANAGER_CLASS;
  }

  private Optional<JvmProcess> attach(String name, String mainClass) {
    Path pidFile = pidFile(name);
    if (!Files.exists(pidFile)) {
      return Optional.empty();
    }
    try {
      long pid = Long.parseLong(Files.readString(pidFile).trim());
      return JvmProcess.attach(name, pid, mainClass, logs().resolve(name.equals(KAFKA) ? "kafka.out" : "flink-" + name + ".out"));
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static void checkFree(Ports ports) {
    for (int port : new int[] {ports.kafka(), ports.kafkaController(), ports.flinkRpc(), ports.flinkRest()}) {
      if (LoopbackPorts.inUse(port)) {
        throw new IllegalStateException("port " + port + " on " + LoopbackPorts.HOST
            + " is taken by another process; choose other ports (see `tollgate stack up --help`)");
      }
    }
  }

  private Path pidFile(String name) {
    return dir.resolve("run").resolve(name + ".pid");
  }

  private void writePid(String name, long pid) {
    write(pidFile(name), Long.toString(pid));
  }

  private void deletePid(String name) {
    try {
      Files.deleteIfExists(pidFile(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void writePorts(Ports ports) {
    Properties properties = new Properties();
    properties.setProperty("kafka.port", Integer.toString(ports.kafka()));
    properties.setProperty("kafka.controller-port", Integer.toString(ports.kafkaController()));
    properties.setProperty("flink.rpc-port", Integer.toString(ports.flinkRpc()));
    properties.setProperty("flink.rest-port", Integer.toString(ports.flinkRest()));
    Path file = dir.resolve("run").resolve("stack.properties");
    try {
      Files.createDirectories(file.getParent());
      try (Writer writer = Files.newBufferedWriter(file)) {
        properties.store(writer, "ports of the running tollgate stack");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Optional<Ports> readPorts() {
    Path file = dir.resolve("run").resolve("stack.properties");
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file)) {
      properties.load(reader);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Optional.of(new Ports(
        Integer.parseInt(properties.getProperty("kafka.port")),
        Integer.parseInt(properties.getProperty("kafka.controller-port")),
        Integer.parseInt(properties.getProperty("flink.rpc-port")),
        Integer.parseInt(properties.getProperty("flink.rest-port"))));
  }

  private static void write(Path file, String text) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, text + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
