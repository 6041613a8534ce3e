package dev.tollgate.dsl.load;

import dev.tollgate.dsl.ast.Declaration;
import dev.tollgate.dsl.diag.Diagnostic;
import dev.tollgate.dsl.diag.Diagnostics;
import dev.tollgate.dsl.plan.TablePlan;
import dev.tollgate.dsl.types.ValueType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses list and table data files. Lists: one value per line, trimmed; blank lines and lines
 * starting with {@code #} skipped. Tables: CSV with a header row after any leading {@code #}
 * comment lines; fields may be double-quoted ({@code ""} is a quote inside a quoted field). A
 * column whose every non-empty cell is a number is {@code decimal}, otherwise {@code string}; the
 * key column is always {@code string}. Errors point at the data file's line.
 */
final class DataFileReader {
  private final Diagnostics diagnostics;

  DataFileReader(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
  }

  List<String> list(String display, String text) {
    List<String> values = new ArrayList<>();
    for (String line : text.split("\r?\n", -1)) {
      String value = line.strip();
      if (!value.isEmpty() && !value.startsWith("#")) {
        values.add(value);
      }
    }
    return values;
  }

  /** The table, or null when its header is unusable (rows with errors are reported and skipped). */
  TablePlan table(String display, String text, Declaration.TableDecl declaration) {
    String[] lines = text.split("\r?\n", -1);
    int index = 0;
    while (index < lines.length && (lines[index].strip().startsWith("#") || lines[index].isBlank())) {
      index++;
    }
    if (index == lines.length) {
      diagnostics.add(Diagnostic.errorAtLine(display, 0, "table file has no header row"));
      return null;
    }
    int headerLine = index + 1;
    List<String> header = split(lines[index], display, headerLine);
    if (header == null) {
      return null;
    }
    header.replaceAll(String::strip);
    String keyColumn = declaration.keyColumn().value();
    int keyIndex = header.indexOf(keyColumn);
    if (keyIndex < 0) {
      diagnostics.error(declaration.keyColumn().span(), "table file " + display + " has no column '" + keyColumn + "'"
          + dev.tollgate.dsl.diag.Suggestions.didYouMean(keyColumn, header));
      return null;
    }
    Map<String, Integer> seenColumns = new HashMap<>();
    for (int i = 0; i < header.size(); i++) {
      if (header.get(i).isEmpty()) {
        diagnostics.add(Diagnostic.errorAtLine(display, headerLine, "column " + (i + 1) + " has no name"));
        return null;
      }
      if (seenColumns.putIfAbsent(header.get(i), i) != null) {
        diagnostics.add(Diagnostic.errorAtLine(display, headerLine, "duplicate column '" + header.get(i) + "'"));
        return null;
      }
    }
    Map<String, List<String>> cells = new LinkedHashMap<>();
    Map<String, Integer> keyLines = new HashMap<>();
    for (int i = index + 1; i < lines.length; i++) {
      String line = lines[i];
      if (line.isBlank() || line.strip().startsWith("#")) {
        continue;
      }
      int lineNumber = i + 1;
      List<String> row = split(line, display, lineNumber);
      if (row == null) {
        continue;
      }
      if (row.size() != header.size()) {
        diagnostics.add(Diagnostic.errorAtLine(display, lineNumber,
            "row has " + row.size() + " fields, the header has " + header.size()));
        continue;
      }
      row.replaceAll(String::strip);
      String key = row.get(keyIndex);
      if (key.isEmpty()) {
        diagnostics.add(Diagnostic.errorAtLine(display, lineNumber, "empty key in column '" + keyColumn + "'"));
        continue;
      }
      Integer earlier = keyLines.putIfAbsent(key, lineNumber);
      if (earlier != null) {
        diagnostics.add(Diagnostic.errorAtLine(display, lineNumber,
            "duplicate key '" + key + "' (first at line " + earlier + ")"));
        continue;
      }
      cells.put(key, row);
    }
    List<TablePlan.Column> columns = new ArrayList<>();
    for (int c = 0; c < header.size(); c++) {
      columns.add(new TablePlan.Column(header.get(c), c != keyIndex && numeric(cells.values(), c)
          ? ValueType.DECIMAL : ValueType.STRING));
    }
    Map<String, List<Object>> rows = new LinkedHashMap<>();
    for (Map.Entry<String, List<String>> entry : cells.entrySet()) {
      List<Object> values = new ArrayList<>();
      for (int c = 0; c < header.size(); c++) {
        String cell = entry.getValue().get(c);
        values.add(cell.isEmpty() ? null : columns.get(c).type() == ValueType.DECIMAL ? new BigDecimal(cell) : cell);
      }
      rows.put(entry.getKey(), values);
    }
    return new TablePlan(declaration.name().value(), keyColumn, columns, rows);
  }

  private static boolean numeric(Iterable<List<String>> rows, int column) {
    boolean any = false;
    for (List<String> row : rows) {
      String cell = row.get(column);
      if (cell.isEmpty()) {
        continue;
      }
      if (!cell.matches("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)")) {
        return false;
      }
      any = true;
    }
    return any;
  }

  /** Splits one CSV line; null (reported) if a quoted field is not closed. */
  private List<String> split(String line, String display, int lineNumber) {
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"' && field.toString().isBlank()) {
        field.setLength(0);
        quoted = true;
      } else if (c == ',') {
        fields.add(field.toString());
        field.setLength(0);
      } else {
        field.append(c);
      }
    }
    if (quoted) {
      diagnostics.add(Diagnostic.errorAtLine(display, lineNumber, "unclosed quoted field"));
      return null;
    }
    fields.add(field.toString());
    return fields;
  }
}
