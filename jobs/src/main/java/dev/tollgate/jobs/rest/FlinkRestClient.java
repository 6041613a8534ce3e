package dev.tollgate.jobs.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The parts of Flink's REST API that submit and steer jobs on a session cluster: jar upload and
 * run, job status, stop with a savepoint, savepoints and cancel.
 */
public final class FlinkRestClient {
  private static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(2);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI base;
  private final HttpClient http;

  /** @param cluster the REST address of the JobManager, e.g. {@code http://127.0.0.1:8081} */
  public FlinkRestClient(URI cluster) {
    String text = cluster.toString();
    this.base = URI.create(text.endsWith("/") ? text : text + "/");
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  }

  public URI cluster() {
    return base;
  }

  /** Cluster-wide numbers: registered TaskManagers and slots. */
  public record Overview(int taskManagers, int slotsTotal, int slotsAvailable, String flinkVersion) {}

  public Overview overview() {
    JsonNode body = get("overview");
    return new Overview(body.path("taskmanagers").asInt(), body.path("slots-total").asInt(),
        body.path("slots-available").asInt(), body.path("flink-version").asText());
  }

  /** The resource ids of the registered TaskManagers. */
  public List<String> taskManagerIds() {
    List<String> ids = new ArrayList<>();
    get("taskmanagers").path("taskmanagers").forEach(tm -> ids.add(tm.path("id").asText()));
    return ids;
  }

  /** Uploads a job jar; returns its id on the cluster. */
  public String uploadJar(Path jar) {
    String boundary = "tollgate-" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    try {
      body.write(("--" + boundary + "\r\n"
          + "Content-Disposition: form-data; name=\"jarfile\"; filename=\"" + jar.getFileName() + "\"\r\n"
          + "Content-Type: application/x-java-archive\r\n\r\n").getBytes(StandardCharsets.UTF_8));
      body.write(Files.readAllBytes(jar));
      body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + jar, e);
    }
    JsonNode response = send(HttpRequest.newBuilder(resolve("jars/upload"))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    String filename = response.path("filename").asText();
    return filename.substring(filename.lastIndexOf('/') + 1);
  }

  /** Deletes an uploaded jar. */
  public void deleteJar(String jarId) {
    send(HttpRequest.newBuilder(resolve("jars/" + jarId)).DELETE());
  }

  /**
   * What {@code /jars/:id/run} starts. The REST API ignores the cluster's {@code
   * parallelism.default}, so parallelism is always given.
   *
   * @param savepointPath restore from this savepoint, or null
   * @param flinkConfiguration job configuration on top of the cluster's
   */
  public record RunRequest(
      String entryClass,
      List<String> programArgs,
      int parallelism,
      String savepointPath,
      boolean allowNonRestoredState,
      Map<String, String> flinkConfiguration) {
    public RunRequest {
      programArgs = List.copyOf(programArgs);
      flinkConfiguration = Map.copyOf(flinkConfiguration);
    }
  }

  /** Runs an uploaded jar's main method on the cluster; returns the id of the job it submitted. */
  public String runJar(String jarId, RunRequest run) {
    ObjectNode body = JSON.createObjectNode();
    body.put("entryClass", run.entryClass());
    body.set("programArgsList", JSON.valueToTree(run.programArgs()));
    body.put("parallelism", run.parallelism());
    if (run.savepointPath() != null) {
      body.put("savepointPath", run.savepointPath());
      body.put("allowNonRestoredState", run.allowNonRestoredState());
    }
    if (!run.flinkConfiguration().isEmpty()) {
      body.set("flinkConfiguration", JSON.valueToTree(run.flinkConfiguration()));
    }
    return post("jars/" + jarId + "/run", body).path("jobid").asText();
  }

  /** A job as the cluster lists it. */
  public record Job(String id, String name, String state) {}

  /** Every job the cluster knows, running or ended. */
  public List<Job> jobs() {
    List<Job> jobs = new ArrayList<>();
    for (JsonNode job : get("jobs/overview").path("jobs")) {
      jobs.add(new Job(job.path("jid").asText(), job.path("name").asText(), job.path("state").asText()));
    }
    return jobs;
  }

  public Job job(String jobId) {
    JsonNode body = get("jobs/" + jobId);
    return new Job(body.path("jid").asText(), body.path("name").asText(), body.path("state").asText());
  }

  /** The job's parameters ({@code pipeline.global-job-parameters}), as the job was submitted. */
  public Map<String, String> jobParameters(String jobId) {
    Map<String, String> parameters = new LinkedHashMap<>();
    get("jobs/" + jobId + "/config").path("execution-config").path("user-config")
        .fields().forEachRemaining(e -> parameters.put(e.getKey(), e.getValue().asText()));
    return parameters;
  }

  /** Whether every task of every vertex of the job runs (a RUNNING job may still deploy tasks). */
  public boolean allTasksRunning(String jobId) {
    JsonNode vertices = get("jobs/" + jobId).path("vertices");
    if (!vertices.isArray() || vertices.isEmpty()) {
      return false;
    }
    for (JsonNode vertex : vertices) {
      if (!"RUNNING".equals(vertex.path("status").asText())) {
        return false;
      }
    }
    return true;
  }

  /** The parallelism the job was submitted with. */
  public int jobParallelism(String jobId) {
    return get("jobs/" + jobId + "/config").path("execution-config").path("job-parallelism").asInt(1);
  }

  /** The latest failure of a job, in a line or a few. */
  public String rootException(String jobId) {
    JsonNode body = get("jobs/" + jobId + "/exceptions");
    JsonNode entries = body.path("exceptionHistory").path("entries");
    if (entries.isArray() && !entries.isEmpty()) {
      return firstLines(entries.get(0).path("stacktrace").asText(entries.get(0).path("exceptionName").asText()));
    }
    return firstLines(body.path("root-exception").asText("no exception recorded"));
  }

  /** Checkpoint counts of a job. */
  public record Checkpoints(int completed, int failed, int restored, String latestCompletedPath) {}

  public Checkpoints checkpoints(String jobId) {
    JsonNode body = get("jobs/" + jobId + "/checkpoints");
    JsonNode counts = body.path("counts");
    JsonNode latest = body.path("latest").path("completed");
    return new Checkpoints(counts.path("completed").asInt(), counts.path("failed").asInt(),
        counts.path("restored").asInt(), latest.isObject() ? latest.path("external_path").asText() : null);
  }

  /** Stops the job with a savepoint ({@code drain} also flushes event-time windows); returns the trigger id. */
  public String stopWithSavepoint(String jobId, String targetDirectory, boolean drain) {
    return savepointOperation("jobs/" + jobId + "/stop", "targetDirectory", targetDirectory, "drain", drain);
  }

  /** Takes a savepoint of a running job (and cancels it if asked); returns the trigger id. */
  public String triggerSavepoint(String jobId, String targetDirectory, boolean cancelJob) {
    return savepointOperation("jobs/" + jobId + "/savepoints", "target-directory", targetDirectory, "cancel-job", cancelJob);
  }

  /** The two savepoint endpoints spell their fields differently; both answer with a trigger id. */
  private String savepointOperation(String path, String directoryField, String directory, String flagField, boolean flag) {
    ObjectNode body = JSON.createObjectNode();
    if (directory != null) {
      body.put(directoryField, directory);
    }
    body.put(flagField, flag);
    return post(path, body).path("request-id").asText();
  }

  /** Where a savepoint operation stands: in progress, written ({@code location}) or failed. */
  public record SavepointStatus(boolean completed, String location, String failure) {}

  public SavepointStatus savepointStatus(String jobId, String triggerId) {
    JsonNode body = get("jobs/" + jobId + "/savepoints/" + triggerId);
    if (!"COMPLETED".equals(body.path("status").path("id").asText())) {
      return new SavepointStatus(false, null, null);
    }
    JsonNode operation = body.path("operation");
    JsonNode failure = operation.path("failure-cause");
    return failure.isMissingNode() || failure.isNull()
        ? new SavepointStatus(true, operation.path("location").asText(), null)
        : new SavepointStatus(true, null, failure.path("stack-trace").asText(failure.toString()));
  }

  /** Waits for a savepoint operation; returns the savepoint's location or throws its failure. */
  public String awaitSavepoint(String jobId, String triggerId, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      SavepointStatus status = savepointStatus(jobId, triggerId);
      if (status.completed()) {
        if (status.failure() != null) {
          throw new FlinkRestException("savepoint of job " + jobId + " failed: " + firstLine(status.failure()));
        }
        return status.location();
      }
      sleep(Duration.ofMillis(250));
    }
    throw new FlinkRestException("savepoint of job " + jobId + " not done after " + timeout);
  }

  /** Cancels a job without a savepoint. */
  public void cancel(String jobId) {
    send(HttpRequest.newBuilder(resolve("jobs/" + jobId + "?mode=cancel"))
        .method("PATCH", HttpRequest.BodyPublishers.noBody()));
  }

  /** Waits until the job is in one of the states; returns the state it reached. */
  public String awaitJobState(String jobId, Duration timeout, String... states) {
    long deadline = System.nanoTime() + timeout.toNanos();
    String state = null;
    while (System.nanoTime() < deadline) {
      state = job(jobId).state();
      for (String wanted : states) {
        if (wanted.equals(state)) {
          return state;
        }
      }
      sleep(Duration.ofMillis(250));
    }
    throw new FlinkRestException("job " + jobId + " is " + state + " after " + timeout + ", not " + String.join(" or ", states));
  }

  private JsonNode get(String path) {
    return send(HttpRequest.newBuilder(resolve(path)).GET());
  }

  private JsonNode post(String path, JsonNode body) {
    return send(HttpRequest.newBuilder(resolve(path))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
  }

  private JsonNode send(HttpRequest.Builder request) {
    HttpRequest built = request.timeout(REQUEST_TIMEOUT).build();
    HttpResponse<String> response;
    try {
      response = http.send(built, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new FlinkRestException("cannot reach the Flink cluster at " + base + " (" + e.getMessage() + ")", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FlinkRestException("interrupted while calling " + built.uri(), e);
    }
    JsonNode body = parse(response.body());
    if (response.statusCode() / 100 != 2) {
      throw new FlinkRestException(built.method() + " " + built.uri().getPath() + " failed with HTTP "
          + response.statusCode() + ": " + errors(body, response.body()));
    }
    return body;
  }

  private URI resolve(String path) {
    return base.resolve(path);
  }

  private static JsonNode parse(String text) {
    if (text == null || text.isBlank()) {
      return JSON.createObjectNode();
    }
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      return JSON.createObjectNode().put("text", text);
    }
  }

  private static String errors(JsonNode body, String raw) {
    JsonNode errors = body.path("errors");
    if (!errors.isArray() || errors.isEmpty()) {
      return raw;
    }
    List<String> lines = new ArrayList<>();
    errors.forEach(e -> lines.add(firstLines(e.asText())));
    return String.join("; ", lines);
  }

  /** Flink puts whole stack traces into error messages: the causes are what a user reads. */
  private static String firstLines(String text) {
    List<String> causes = new ArrayList<>();
    for (String line : text.split("\n")) {
      String trimmed = line.strip();
      if (!trimmed.startsWith("at ") && !trimmed.startsWith("...") && !trimmed.isEmpty() && causes.size() < 6) {
        causes.add(trimmed);
      }
    }
    return String.join(" | ", causes);
  }

  private static String firstLine(String text) {
    int end = text.indexOf('\n');
    return end < 0 ? text : text.substring(0, end);
  }

  private static void sleep(Duration duration) {
    dev.tollgate.jobs.stack.Waits.pause(duration);
  }
}
