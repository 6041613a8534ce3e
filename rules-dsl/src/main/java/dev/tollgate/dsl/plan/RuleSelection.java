package dev.tollgate.dsl.plan;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which part of a rule set a job runs: the demand job only the aggregates, the shipment tracking
 * job only the shipment pack, a risk job everything but the aggregates. A selection is a set of
 * criteria — kind, pack, category, tag, id — each a set of accepted values; a rule or aggregate is
 * selected when it meets every criterion given (an absent criterion accepts everything), and meets
 * a criterion when it matches any one of its values.
 *
 * <p>As text (job arguments, configuration) a selection is whitespace- or {@code ;}-separated
 * {@code name=value[,value...]} terms, e.g. {@code kind=aggregate} or {@code pack=shipment
 * kind=pattern,windowed}; {@link #toString()} writes that form and {@link #parse} reads it.
 *
 * <ul>
 *   <li>{@code kind}: {@code single} (single-event rules), {@code windowed}, {@code pattern},
 *       {@code aggregate}.
 *   <li>{@code pack}: a directory the declaring file lies in, at any depth: {@code pack=shipment}
 *       selects what is declared in {@code rules/shipment/stalled.rule} (and in {@code
 *       rules/shipment/eu/x.rule}), as read from the declaration's {@code file:line} location.
 *   <li>{@code category}: the {@code category} metadata; an aggregate without one has category
 *       {@code aggregate}.
 *   <li>{@code tag}: one of the {@code tags}.
 *   <li>{@code id}: the id, where {@code *} stands for any characters ({@code shipment.*}).
 * </ul>
 *
 * Disabled rules are selected like any other; the engine skips them.
 */
public final class RuleSelection implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The kinds of thing a rule set runs. */
  public enum Kind {
    SINGLE("single"),
    WINDOWED("windowed"),
    PATTERN("pattern"),
    AGGREGATE("aggregate");

    private final String keyword;

    Kind(String keyword) {
      this.keyword = keyword;
    }

    public String keyword() {
      return keyword;
    }

    /** The kind of a rule, from its body. */
    public static Kind of(RulePlan rule) {
      RuleBody body = rule.body();
      if (body instanceof RuleBody.SingleEvent) {
        return SINGLE;
      }
      return body instanceof RuleBody.Windowed ? WINDOWED : PATTERN;
    }

    static Kind parse(String keyword) {
      for (Kind kind : values()) {
        if (kind.keyword.equals(keyword)) {
          return kind;
        }
      }
      throw new IllegalArgumentException("unknown kind '" + keyword + "' (expected single, windowed, pattern or aggregate)");
    }
  }

  private static final RuleSelection ALL = new RuleSelection(Map.of());

  /** Criterion name → accepted values, in the order criteria are written. */
  private final Map<Criterion, Set<String>> criteria;

  private RuleSelection(Map<Criterion, Set<String>> criteria) {
    this.criteria = Collections.unmodifiableMap(new LinkedHashMap<>(criteria));
  }

  /** Everything. */
  public static RuleSelection all() {
    return ALL;
  }

  /** Only things of these kinds. */
  public RuleSelection kinds(Kind... kinds) {
    return with(Criterion.KIND, Arrays.stream(kinds).map(Kind::keyword).toList());
  }

  /** Only things declared under a directory with one of these names. */
  public RuleSelection packs(String... packs) {
    return with(Criterion.PACK, List.of(packs));
  }

  /** Only things of one of these categories. */
  public RuleSelection categories(String... categories) {
    return with(Criterion.CATEGORY, List.of(categories));
  }

  /** Only things carrying one of these tags. */
  public RuleSelection tags(String... tags) {
    return with(Criterion.TAG, List.of(tags));
  }

  /** Only things whose id matches one of these patterns ({@code *}: any characters). */
  public RuleSelection ids(String... patterns) {
    return with(Criterion.ID, List.of(patterns));
  }

  private RuleSelection with(Criterion criterion, List<String> values) {
    if (values.isEmpty()) {
      throw new IllegalArgumentException(criterion.word + " needs at least one value");
    }
    Map<Criterion, Set<String>> next = new LinkedHashMap<>(criteria);
    next.put(criterion, Collections.unmodifiableSet(new TreeSet<>(values)));
    return new RuleSelection(next);
  }

  /**
   * Reads the text form, e.g. {@code "pack=shipment kind=pattern,windowed"}; blank text selects
   * everything.
   *
   * @throws IllegalArgumentException naming the term that is not understood
   */
  public static RuleSelection parse(String text) {
    RuleSelection selection = ALL;
    for (String term : text.trim().split("[\\s;]+")) {
      if (term.isEmpty()) {
        continue;
      }
      int equals = term.indexOf('=');
      if (equals <= 0 || equals == term.length() - 1) {
        throw new IllegalArgumentException("selection term '" + term + "' is not name=value[,value...]");
      }
      Criterion criterion = Criterion.parse(term.substring(0, equals));
      if (selection.criteria.containsKey(criterion)) {
        throw new IllegalArgumentException("selection names " + criterion.word + " twice; list its values once, comma-separated");
      }
      List<String> values = Arrays.stream(term.substring(equals + 1).split(",")).filter(v -> !v.isEmpty()).toList();
      if (criterion == Criterion.KIND) {
        values.forEach(Kind::parse);
      }
      selection = selection.with(criterion, values);
    }
    return selection;
  }

  /** Whether the rule is selected. */
  public boolean selects(RulePlan rule) {
    return matches(Kind.of(rule), rule.id(), rule.metadata(), rule.location());
  }

  /** Whether the aggregate is selected. */
  public boolean selects(AggregatePlan aggregate) {
    return matches(Kind.AGGREGATE, aggregate.id(), aggregate.metadata(), aggregate.location());
  }

  private boolean matches(Kind kind, String id, RuleMetadata metadata, String location) {
    for (Map.Entry<Criterion, Set<String>> entry : criteria.entrySet()) {
      Set<String> accepted = entry.getValue();
      boolean met = switch (entry.getKey()) {
        case KIND -> accepted.contains(kind.keyword());
        case PACK -> directories(location).stream().anyMatch(accepted::contains);
        case CATEGORY -> accepted.contains(metadata.category());
        case TAG -> metadata.tags().stream().anyMatch(accepted::contains);
        case ID -> accepted.stream().anyMatch(pattern -> globMatches(pattern, id));
      };
      if (!met) {
        return false;
      }
    }
    return true;
  }

  /**
   * The plan with only the selected rules and aggregates, and the tests of those. Event types are
   * kept whole, so events still decode and reject exactly as with the full rule set.
   *
   * @throws IllegalArgumentException if nothing is selected from a plan that has rules or
   *     aggregates: a job that would run nothing is misconfigured
   */
  public RuleSetPlan apply(RuleSetPlan plan) {
    List<RulePlan> rules = plan.rules().stream().filter(this::selects).toList();
    List<AggregatePlan> aggregates = plan.aggregates().stream().filter(this::selects).toList();
    boolean planHasAny = !plan.rules().isEmpty() || !plan.aggregates().isEmpty();
    if (planHasAny && rules.isEmpty() && aggregates.isEmpty()) {
      throw new IllegalArgumentException("the selection '" + this + "' selects no rule or aggregate of the rule set");
    }
    List<TestPlan> tests = new ArrayList<>();
    for (TestPlan test : plan.tests()) {
      if (test.rule() != null ? selects(test.rule()) : selects(test.aggregate())) {
        tests.add(test);
      }
    }
    return new RuleSetPlan(plan.eventTypes(), rules, aggregates, tests);
  }

  /** The directories of a {@code file:line} location, outermost first. */
  static List<String> directories(String location) {
    if (location == null) {
      return List.of();
    }
    int colon = location.lastIndexOf(':');
    String file = colon > 0 ? location.substring(0, colon) : location;
    String[] parts = file.split("[/\\\\]");
    return Arrays.stream(parts, 0, Math.max(0, parts.length - 1)).filter(p -> !p.isEmpty()).toList();
  }

  private static boolean globMatches(String pattern, String id) {
    int star = pattern.indexOf('*');
    if (star < 0) {
      return pattern.equals(id);
    }
    String[] pieces = pattern.split("\\*", -1);
    if (!id.startsWith(pieces[0])) {
      return false;
    }
    int at = pieces[0].length();
    for (int i = 1; i < pieces.length - 1; i++) {
      int found = id.indexOf(pieces[i], at);
      if (found < 0) {
        return false;
      }
      at = found + pieces[i].length();
    }
    String last = pieces[pieces.length - 1];
    return id.length() - at >= last.length() && id.endsWith(last);
  }

  /** The text form: {@code name=v1,v2} terms separated by a space; empty for everything. */
  @Override
  public String toString() {
    List<String> terms = new ArrayList<>();
    criteria.forEach((criterion, values) -> terms.add(criterion.word + "=" + String.join(",", values)));
    return String.join(" ", terms);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RuleSelection other && criteria.equals(other.criteria);
  }

  @Override
  public int hashCode() {
    return criteria.hashCode();
  }

  private enum Criterion {
    KIND, PACK, CATEGORY, TAG, ID;

    final String word = name().toLowerCase(Locale.ROOT);

    static Criterion parse(String word) {
      for (Criterion criterion : values()) {
        if (criterion.word.equals(word)) {
          return criterion;
        }
      }
      throw new IllegalArgumentException("unknown selection criterion '" + word + "' (expected kind, pack, category, tag or id)");
    }
  }
}
