package dev.tollgate.dsl.parser;

import dev.tollgate.dsl.ast.Expression;
import dev.tollgate.dsl.ast.SourceSpan;
import dev.tollgate.dsl.ast.Template;
import dev.tollgate.dsl.diag.Diagnostics;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.Token;

/**
 * Splits an alert template into text and {@code {expr}} placeholders, parsing each placeholder as
 * an expression at its own position in the file so errors point inside the string.
 */
final class TemplateParser {
  private final String file;
  private final Diagnostics diagnostics;

  TemplateParser(String file, Diagnostics diagnostics) {
    this.file = file;
    this.diagnostics = diagnostics;
  }

  /** Parses the raw token text (quotes and escapes included). */
  Template parse(Token token, SourceSpan span) {
    String raw = token.getText();
    List<Template.Part> parts = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    int i = 1;
    int end = raw.length() - 1;
    while (i < end) {
      char c = raw.charAt(i);
      if (c == '\\' && i + 1 < end) {
        char escaped = raw.charAt(i + 1);
        if (escaped != 'n' && escaped != '"' && escaped != '\\') {
          diagnostics.error(columnSpan(token, i, i + 1), "unknown escape in string; only \\\", \\\\ and \\n are allowed");
        }
        text.append(escaped == 'n' ? '\n' : escaped);
        i += 2;
      } else if (c == '{') {
        int close = raw.indexOf('}', i);
        if (close < 0 || close >= end) {
          diagnostics.error(columnSpan(token, i, i), "unclosed '{' in alert template");
          return new Template(parts, span);
        }
        if (!text.isEmpty()) {
          parts.add(new Template.Text(text.toString()));
          text.setLength(0);
        }
        // The placeholder sits inside a string literal, so its own string literals are written
        // with \" and must be unescaped before parsing. Positions of findings after such an escape
        // in the same placeholder shift left by one column per escape, which is acceptable.
        String source = unescape(raw.substring(i + 1, close));
        if (source.isBlank()) {
          diagnostics.error(columnSpan(token, i, close), "empty placeholder '{}' in alert template");
        } else {
          Expression expression = RuleParser.parsePlaceholder(
              source, file, token.getLine(), token.getCharPositionInLine() + i + 1, diagnostics);
          if (expression != null) {
            parts.add(new Template.Placeholder(source.strip(), expression));
          }
        }
        i = close + 1;
      } else if (c == '}') {
        diagnostics.error(columnSpan(token, i, i), "'}' without a matching '{' in alert template");
        i++;
      } else {
        text.append(c);
        i++;
      }
    }
    if (!text.isEmpty()) {
      parts.add(new Template.Text(text.toString()));
    }
    return new Template(parts, span);
  }

  private static String unescape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\' && i + 1 < text.length()) {
        char escaped = text.charAt(++i);
        out.append(escaped == 'n' ? '\n' : escaped);
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private SourceSpan columnSpan(Token token, int from, int to) {
    int column = token.getCharPositionInLine() + 1;
    return new SourceSpan(file, token.getLine(), column + from, token.getLine(), column + to);
  }
}
