package dev.tollgate.jobs.generate;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads the tab-separated reference tables shipped next to this class: {@code #} comments, then a header. */
final class Tsv {
  private Tsv() {}

  /** One row, read by column name. */
  record Row(String table, int line, Map<String, String> values) {
    String text(String column) {
      String value = values.get(column);
      if (value == null) {
        throw new IllegalStateException(table + ":" + line + ": no column " + column);
      }
      return value;
    }

    double number(String column) {
      return Double.parseDouble(text(column));
    }

    boolean flag(String column) {
      return text(column).equals("Y");
    }
  }

  static List<Row> read(String table) {
    try (InputStream in = Tsv.class.getResourceAsStream(table)) {
      if (in == null) {
        throw new IllegalStateException("reference table " + table + " is missing from the classpath");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      List<Row> rows = new ArrayList<>();
      String[] header = null;
      int lineNumber = 0;
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        lineNumber++;
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] cells = line.split("\t", -1);
        if (header == null) {
          header = cells;
          continue;
        }
        if (cells.length != header.length) {
          throw new IllegalStateException(table + ":" + lineNumber + ": expected " + header.length
              + " columns, found " + cells.length);
        }
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < header.length; i++) {
          values.put(header[i], cells[i]);
        }
        rows.add(new Row(table, lineNumber, values));
      }
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read reference table " + table, e);
    }
  }
}
