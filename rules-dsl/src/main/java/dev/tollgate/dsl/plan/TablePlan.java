package dev.tollgate.dsl.plan;

import dev.tollgate.dsl.types.ValueType;
import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A named table loaded from its CSV file at compile time. {@code rows} maps the key column's value
 * to the row's cells in {@link #columns()} order; an empty cell is null.
 */
public record TablePlan(String name, String keyColumn, List<Column> columns, Map<String, List<Object>> rows)
    implements Serializable {

  public TablePlan {
    columns = List.copyOf(columns);
    // Cells may be null, which Map.copyOf/List.copyOf reject.
    Map<String, List<Object>> copy = new LinkedHashMap<>();
    rows.forEach((k, v) -> copy.put(k, Collections.unmodifiableList(new java.util.ArrayList<>(v))));
    rows = Collections.unmodifiableMap(copy);
  }

  /** A column and the type inferred from its cells. */
  public record Column(String name, ValueType type) implements Serializable {}

  /** The column's index, or -1. */
  public int columnIndex(String columnName) {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).name().equals(columnName)) {
        return i;
      }
    }
    return -1;
  }
}
