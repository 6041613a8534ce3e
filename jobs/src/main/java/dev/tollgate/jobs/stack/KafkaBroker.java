package dev.tollgate.jobs.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/**
 * A single-node Kafka broker in KRaft mode (broker and controller in one JVM) on loopback, run
 * from the Kafka jars as the Kafka distribution's scripts do: {@code kafka.tools.StorageTool
 * format --standalone} once, then {@code kafka.Kafka server.properties}.
 *
 * <p>Layout under its folder: {@code server.properties}, {@code log4j2.properties}, {@code data/}
 * (the log dirs). Logs go to the stack's log folder as {@code kafka-server.log} and {@code
 * kafka.out}.
 */
public final class KafkaBroker implements AutoCloseable {
  public static final String MAIN_CLASS = "kafka.Kafka";
  private static final String STORAGE_TOOL = "kafka.tools.StorageTool";
  private static final List<String> HEAP = List.of("-Xms512m", "-Xmx512m");

  private final JvmProcess process;
  private final int port;

  private KafkaBroker(JvmProcess process, int port) {
    this.process = process;
    this.port = port;
  }

  /** The broker's listener and the controller's, both on loopback. */
  public record Ports(int broker, int controller) {
    public static Ports free() {
      return new Ports(LoopbackPorts.free(), LoopbackPorts.free());
    }
  }

  /**
   * Formats the storage if it is new, starts the broker and waits until it answers. A folder that
   * was formatted before keeps its topics and data.
   */
  public static KafkaBroker start(String classpath, Path dir, Path logs, Ports ports, Duration timeout) {
    try {
      Files.createDirectories(dir);
      Files.createDirectories(logs);
      Path properties = dir.resolve("server.properties");
      Files.writeString(properties, serverProperties(dir.resolve("data"), ports));
      Path log4j = dir.resolve("log4j2.properties");
      Files.writeString(log4j, LOG4J2);
      List<String> logging = List.of(
          "-Dkafka.logs.dir=" + logs.toAbsolutePath(),
          "-Dlog4j2.configurationFile=" + log4j.toUri());
      if (!Files.exists(dir.resolve("data").resolve("meta.properties"))) {
        format(classpath, dir, logs, properties, logging);
      }
      JvmProcess process = JvmProcess.start("kafka broker",
          new JvmCommand(classpath, MAIN_CLASS).jvmOptions(HEAP).jvmOptions(JvmCommand.LOW_PAUSE_GC).jvmOptions(logging).arguments(properties.toString()),
          dir, logs.resolve("kafka.out"));
      KafkaBroker broker = new KafkaBroker(process, ports.broker());
      broker.awaitReady(timeout);
      return broker;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The broker of a running stack, found by its pid. */
  public static java.util.Optional<KafkaBroker> attach(long pid, int port, Path logs) {
    return JvmProcess.attach("kafka broker", pid, MAIN_CLASS, logs.resolve("kafka.out"))
        .map(process -> new KafkaBroker(process, port));
  }

  public String bootstrapServers() {
    return LoopbackPorts.HOST + ":" + port;
  }

  public JvmProcess process() {
    return process;
  }

  /** Admin client settings for this broker. */
  public Map<String, Object> clientConfig() {
    return Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
  }

  @Override
  public void close() {
    process.stop();
  }

  private void awaitReady(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    Properties config = new Properties();
    config.putAll(clientConfig());
    config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000);
    config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 2000);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("the Kafka broker exited; see " + process.output());
      }
      if (LoopbackPorts.inUse(port)) {
        try (Admin admin = Admin.create(config)) {
          if (!admin.describeCluster().nodes().get(2, TimeUnit.SECONDS).isEmpty()) {
            return;
          }
        } catch (Exception notYet) {
          // the broker is still starting
        }
      }
      Waits.pause(Duration.ofMillis(200));
    }
    process.kill();
    throw new IllegalStateException("the Kafka broker did not start within " + timeout + "; see " + process.output());
  }

  private static void format(String classpath, Path dir, Path logs, Path properties, List<String> logging) {
    JvmProcess format = JvmProcess.start("kafka storage format",
        new JvmCommand(classpath, STORAGE_TOOL).jvmOptions(logging).arguments(
            "format", "--standalone", "--ignore-formatted",
            "--cluster-id", Uuid.randomUuid().toString(),
            "--config", properties.toString()),
        dir, logs.resolve("kafka-format.out"));
    if (!format.await(Duration.ofMinutes(1))) {
      format.kill();
      throw new IllegalStateException("formatting Kafka storage timed out; see " + format.output());
    }
    int exit = format.exitCode();
    if (exit != 0) {
      throw new IllegalStateException("formatting Kafka storage failed (exit " + exit + "); see " + format.output());
    }
  }

  private static String serverProperties(Path data, Ports ports) {
    String broker = "PLAINTEXT://" + LoopbackPorts.HOST + ":" + ports.broker();
    String controller = "CONTROLLER://" + LoopbackPorts.HOST + ":" + ports.controller();
    return String.join("\n",
        "process.roles=broker,controller",
        "node.id=1",
        "controller.quorum.bootstrap.servers=" + LoopbackPorts.HOST + ":" + ports.controller(),
        "listeners=" + broker + "," + controller,
        "advertised.listeners=" + broker + "," + controller,
        "controller.listener.names=CONTROLLER",
        "inter.broker.listener.name=PLAINTEXT",
        "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
        "log.dirs=" + data.toAbsolutePath(),
        "num.partitions=2",
        // One node: internal topics cannot have more replicas, and need fewer partitions.
        "offsets.topic.replication.factor=1",
        "offsets.topic.num.partitions=4",
        "transaction.state.log.replication.factor=1",
        "transaction.state.log.min.isr=1",
        "transaction.state.log.num.partitions=4",
        "share.coordinator.state.topic.replication.factor=1",
        "share.coordinator.state.topic.min.isr=1",
        "group.initial.rebalance.delay.ms=0",
        "")
        + "\n";
  }

  private static final String LOG4J2 = String.join("\n",
      "status = warn",
      "appender.file.type = File",
      "appender.file.name = file",
      "appender.file.fileName = ${sys:kafka.logs.dir}/kafka-server.log",
      "appender.file.layout.type = PatternLayout",
      "appender.file.layout.pattern = [%d] %p %m (%c)%n",
      "rootLogger.level = INFO",
      "rootLogger.appenderRef.file.ref = file",
      "logger.kafka.name = kafka",
      "logger.kafka.level = INFO",
      "")
      + "\n";
}
