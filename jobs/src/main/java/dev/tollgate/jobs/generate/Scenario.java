package dev.tollgate.jobs.generate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which background traffic to simulate and which typologies to inject into it. Named after the shipped
 * rule packs, so {@code --scenario aml} gives traffic for {@code rules/aml}; a typology's label alone gives
 * that typology in the background it lives in; names combine with commas ({@code fraud,shipment}).
 *
 * @param name the scenario as the user wrote it, normalized
 */
public record Scenario(String name, Set<Domain> domains, Set<Typology> typologies) {
  public static final String DEFAULT = "mixed";

  private static final Map<String, Scenario> NAMED = buildNamed();

  public Scenario {
    domains = Collections.unmodifiableSet(domains.isEmpty() ? EnumSet.noneOf(Domain.class) : EnumSet.copyOf(domains));
    typologies = Collections.unmodifiableSet(
        typologies.isEmpty() ? EnumSet.noneOf(Typology.class) : EnumSet.copyOf(typologies));
  }

  /**
   * The scenario {@code spec} names: one or more names separated by commas.
   *
   * @throws IllegalArgumentException naming the unknown part and the choices
   */
  public static Scenario parse(String spec) {
    EnumSet<Domain> domains = EnumSet.noneOf(Domain.class);
    EnumSet<Typology> typologies = EnumSet.noneOf(Typology.class);
    List<String> parts = new ArrayList<>();
    for (String raw : spec.split(",")) {
      String part = raw.trim().toLowerCase(Locale.ROOT);
      Scenario scenario = NAMED.get(part);
      if (scenario == null) {
        scenario = Typology.fromLabel(part).map(Scenario::ofTypology).orElseThrow(() -> new IllegalArgumentException(
            "unknown scenario '" + raw.trim() + "'; choose from " + String.join(", ", NAMED.keySet())
                + " or a typology: " + String.join(", ", typologyLabels())));
      }
      domains.addAll(scenario.domains());
      typologies.addAll(scenario.typologies());
      parts.add(part);
    }
    return new Scenario(String.join(",", parts), domains, typologies);
  }

  /** The named scenarios in the order the help lists them. */
  public static Map<String, Scenario> named() {
    return NAMED;
  }

  private static Map<String, Scenario> buildNamed() {
    Map<String, Scenario> named = new LinkedHashMap<>();
    named.put("mixed", new Scenario("mixed", EnumSet.allOf(Domain.class), EnumSet.allOf(Typology.class)));
    named.put("background", new Scenario("background", EnumSet.allOf(Domain.class), Set.of()));
    for (Typology.Family family : Typology.Family.values()) {
      String name = family.scenario();
      named.put(name, new Scenario(name, domainsOf(family), familyMembers(family)));
    }
    named.put("demand", new Scenario("demand", EnumSet.of(Domain.MARKETPLACE), Set.of()));
    return Collections.unmodifiableMap(named);
  }

  /** What the scenario writes, for help texts and summaries. */
  public String describe() {
    return domains.size() + " of " + Domain.values().length + " traffic domains, "
        + typologies.size() + " of " + Typology.values().length + " typologies";
  }

  private static Scenario ofTypology(Typology typology) {
    return new Scenario(typology.label(), domainsOf(typology.family()), EnumSet.of(typology));
  }

  /** The background a family's typologies are injected into. */
  static Set<Domain> domainsOf(Typology.Family family) {
    return switch (family) {
      case MONEY_LAUNDERING -> EnumSet.of(Domain.LEDGER);
      case FRAUD -> EnumSet.of(Domain.CARDS, Domain.ACCOUNTS);
      case CONTRABAND, SHIPMENT -> EnumSet.of(Domain.MARKETPLACE);
    };
  }

  private static Set<Typology> familyMembers(Typology.Family family) {
    EnumSet<Typology> members = EnumSet.noneOf(Typology.class);
    for (Typology typology : Typology.values()) {
      if (typology.family() == family) {
        members.add(typology);
      }
    }
    return members;
  }

  private static List<String> typologyLabels() {
    List<String> labels = new ArrayList<>();
    for (Typology typology : Typology.values()) {
      labels.add(typology.label());
    }
    return labels;
  }
}
