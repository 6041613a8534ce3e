package dev.tollgate.jobs.testing;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Reads single string members of the JSON the jobs write, for assertions. */
public final class Json {
  private Json() {}

  /** The string value of {@code "name":"..."} in {@code json}, or null. */
  public static String member(String json, String name) {
    String marker = "\"" + name + "\":\"";
    int start = json.indexOf(marker);
    if (start < 0) {
      return null;
    }
    start += marker.length();
    return json.substring(start, json.indexOf('"', start));
  }

  /** The {@code ruleId}s of the alerts read. */
  public static Set<String> ruleIds(List<ConsumerRecord<String, String>> alerts) {
    Set<String> ids = new TreeSet<>();
    alerts.forEach(alert -> ids.add(member(alert.value(), "ruleId")));
    return ids;
  }

  /** The records whose value has {@code "name":"value"}. */
  public static List<ConsumerRecord<String, String>> withMember(List<ConsumerRecord<String, String>> records,
      String name, String value) {
    return records.stream().filter(record -> value.equals(member(record.value(), name))).toList();
  }
}
