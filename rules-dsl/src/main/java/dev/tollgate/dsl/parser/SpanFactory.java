package dev.tollgate.dsl.parser;

import dev.tollgate.dsl.ast.SourceSpan;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * Source spans for parse-tree nodes. Placeholders in templates are parsed on their own, so their
 * positions are shifted by where the placeholder starts in the file.
 */
final class SpanFactory {
  private final String file;
  private final int lineOffset;
  private final int columnOffset;

  SpanFactory(String file, int lineOffset, int columnOffset) {
    this.file = file;
    this.lineOffset = lineOffset;
    this.columnOffset = columnOffset;
  }

  String file() {
    return file;
  }

  SourceSpan of(ParserRuleContext ctx) {
    Token stop = ctx.getStop() == null || ctx.getStop().getTokenIndex() < ctx.getStart().getTokenIndex()
        ? ctx.getStart()
        : ctx.getStop();
    return between(ctx.getStart(), stop);
  }

  SourceSpan of(Token token) {
    return between(token, token);
  }

  SourceSpan of(TerminalNode node) {
    return of(node.getSymbol());
  }

  private SourceSpan between(Token start, Token stop) {
    int stopLength = stop.getText() == null ? 1 : Math.max(1, stop.getText().length());
    return new SourceSpan(
        file,
        line(start),
        column(start),
        line(stop),
        column(stop) + stopLength - 1);
  }

  private int line(Token token) {
    return lineOffset + token.getLine() - 1;
  }

  private int column(Token token) {
    return (token.getLine() == 1 ? columnOffset : 0) + token.getCharPositionInLine() + 1;
  }
}
