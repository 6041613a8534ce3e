package dev.tollgate.jobs.deploy;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What a deploy does to the state of a running job, from the manifests of the running and the new
 * rule set: which rules and aggregates keep their state, which start empty, and which state is
 * dropped because nothing in the new job reads it.
 *
 * @param kept same id and version: state restored from the savepoint
 * @param changed same id, new version: the new version starts with empty state, the old one's is
 *     dropped (a changed aggregate keeps its uid; its windows carry over when its select list is
 *     unchanged)
 * @param added new ids: start empty
 * @param removed ids gone from the rule set: their state is dropped
 * @param droppedOperators uids of operators the new job no longer has; their state is dropped
 *     with {@code allowNonRestoredState}
 */
public record StateChanges(
    List<String> kept, List<String> changed, List<String> added, List<String> removed, List<String> droppedOperators) {

  public static StateChanges between(RuleSetManifest running, RuleSetManifest next) {
    List<String> kept = new ArrayList<>();
    List<String> changed = new ArrayList<>();
    List<String> added = new ArrayList<>();
    List<String> removed = new ArrayList<>();
    compare("rule ", running.rules(), next.rules(), kept, changed, added, removed);
    compare("aggregate ", running.aggregates(), next.aggregates(), kept, changed, added, removed);
    SortedSet<String> dropped = new TreeSet<>(running.operators());
    dropped.removeAll(next.operators());
    return new StateChanges(kept, changed, added, removed, List.copyOf(dropped));
  }

  private static void compare(String kind, SortedMap<String, String> before, SortedMap<String, String> after,
      List<String> kept, List<String> changed, List<String> added, List<String> removed) {
    before.forEach((id, version) -> {
      String now = after.get(id);
      if (now == null) {
        removed.add(kind + id);
      } else if (now.equals(version)) {
        kept.add(kind + id);
      } else {
        changed.add(kind + id);
      }
    });
    after.keySet().stream().filter(id -> !before.containsKey(id)).forEach(id -> added.add(kind + id));
  }

  /** Whether any state of the running job has no reader in the new one. */
  public boolean dropsState() {
    return !changed.isEmpty() || !removed.isEmpty() || !droppedOperators.isEmpty();
  }

  public void print(PrintWriter out) {
    out.printf("  %d kept with their state%n", kept.size());
    section(out, "changed, start with empty state", changed);
    section(out, "added", added);
    section(out, "removed, state dropped", removed);
    section(out, "operators gone, state dropped", droppedOperators);
    out.flush();
  }

  private static void section(PrintWriter out, String title, List<String> items) {
    if (!items.isEmpty()) {
      out.printf("  %d %s:%n", items.size(), title);
      items.forEach(item -> out.println("    " + item));
    }
  }
}
