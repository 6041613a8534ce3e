package dev.tollgate.dsl.load;

import dev.tollgate.dsl.ast.Declaration;
import dev.tollgate.dsl.ast.RuleFile;
import dev.tollgate.dsl.plan.TablePlan;
import java.util.List;
import java.util.Map;

/**
 * Every parsed rule file of a rule set, in path order, with the data files their {@code list ...
 * = file} and {@code table ... = file} declarations name. A data file that could not be read has
 * no entry (the error is already reported).
 *
 * @param lists values of file lists, one string per non-comment line
 * @param tables tables loaded from CSV, keyed by their declaration
 */
public record LoadedRuleSet(
    List<RuleFile> files,
    Map<Declaration.ListDecl, List<String>> lists,
    Map<Declaration.TableDecl, TablePlan> tables) {

  public LoadedRuleSet {
    files = List.copyOf(files);
    lists = Map.copyOf(lists);
    tables = Map.copyOf(tables);
  }
}
