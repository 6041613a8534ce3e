package dev.tollgate.jobs.docs;

import dev.tollgate.dsl.check.CheckedRuleSet;
import dev.tollgate.dsl.check.ConstUses;
import dev.tollgate.dsl.plan.RuleSetPlan;
import dev.tollgate.jobs.backtest.EffectivenessJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A rule set's catalog in Markdown, generated from the rules' own metadata ({@code tollgate docs}):
 * per pack, each rule's and aggregate's id, title, severity, category, tags, description, mode,
 * how it runs, thresholds (the consts it reads, with their values) and number of tests; optionally
 * a backtest's effectiveness figures.
 */
public final class RuleCatalogDocs {
  /** The heading of the effectiveness section, which always comes last. */
  public static final String EFFECTIVENESS_HEADING = CatalogMarkdown.EFFECTIVENESS_HEADING;

  private RuleCatalogDocs() {}

  /**
   * @param plan the compiled rule set
   * @param checked the same rule set as the checker saw it, for the consts each rule reads
   * @param summary a backtest's {@code summary.json}, or null for no effectiveness section
   */
  public static String markdown(RuleSetPlan plan, CheckedRuleSet checked, Path summary) throws IOException {
    RuleCatalog catalog = new RuleCatalog(plan, ConstUses.of(checked), checked.consts());
    EffectivenessJson.Summary figures = summary == null ? null
        : EffectivenessJson.read(Files.readString(summary, StandardCharsets.UTF_8));
    return CatalogMarkdown.render(catalog.entries(), figures, summary == null ? null : summary.toString());
  }
}
