package dev.tollgate.dsl.check;

import dev.tollgate.dsl.diag.Diagnostics;
import dev.tollgate.dsl.plan.ListPlan;
import dev.tollgate.dsl.plan.TablePlan;
import java.util.LinkedHashMap;
import java.util.Map;

/** What every checker of one rule set shares: names, checked declarations, findings. */
final class CheckContext {
  final SymbolTable symbols;
  final Diagnostics diagnostics;
  final Analysis analysis = new Analysis();
  final Map<String, EventType> eventTypes = new LinkedHashMap<>();
  final Map<String, ConstValue> consts = new LinkedHashMap<>();
  final Map<String, ListPlan> lists = new LinkedHashMap<>();
  final Map<String, TablePlan> tables = new LinkedHashMap<>();

  CheckContext(SymbolTable symbols, Diagnostics diagnostics) {
    this.symbols = symbols;
    this.diagnostics = diagnostics;
  }

  void error(dev.tollgate.dsl.ast.SourceSpan span, String message) {
    diagnostics.error(span, message);
  }
}
