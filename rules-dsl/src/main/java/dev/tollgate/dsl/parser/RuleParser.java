package dev.tollgate.dsl.parser;

import dev.tollgate.dsl.ast.Declaration;
import dev.tollgate.dsl.ast.Expression;
import dev.tollgate.dsl.ast.RuleFile;
import dev.tollgate.dsl.ast.SourceSpan;
import dev.tollgate.dsl.diag.Diagnostics;
import java.util.List;
import java.util.function.Function;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;

/**
 * Text to AST. Parses with SLL prediction first (fast, enough for almost every file) and falls back
 * to full LL only when SLL fails. Errors are collected, not thrown. A file with syntax errors
 * yields no declarations, so later stages never see a tree the parser had to guess at.
 */
public final class RuleParser {
  /** Deeper bracket nesting than any rule needs; beyond it the recursive parser could overflow. */
  static final int MAX_BRACKET_DEPTH = 100;

  private RuleParser() {}

  /** Parses one {@code .rule} file. {@code path} is how diagnostics name it. */
  public static RuleFile parse(String path, String text, Diagnostics diagnostics) {
    List<Declaration> declarations = run(path, text, 1, 0, "end of file", diagnostics,
        parser -> parser.ruleSet(),
        (builder, tree) -> builder.ruleSet((TollgateParser.RuleSetContext) tree));
    return new RuleFile(path, declarations == null ? List.of() : declarations);
  }

  /** Parses a stand-alone expression (used for template placeholders and tools). */
  public static Expression parseExpression(String path, String text, Diagnostics diagnostics) {
    return expression(text, path, 1, 0, "end of expression", diagnostics);
  }

  static Expression parsePlaceholder(String text, String path, int line, int column, Diagnostics diagnostics) {
    return expression(text, path, line, column, "end of placeholder", diagnostics);
  }

  private static Expression expression(
      String text, String path, int line, int column, String endOfInput, Diagnostics diagnostics) {
    return run(path, text, line, column, endOfInput, diagnostics,
        parser -> parser.standaloneExpression(),
        (builder, tree) -> builder.expression(((TollgateParser.StandaloneExpressionContext) tree).expression()));
  }

  private static <T> T run(
      String path, String text, int line, int column, String endOfInput, Diagnostics diagnostics,
      Function<TollgateParser, ParserRuleContext> entry,
      java.util.function.BiFunction<AstBuilder, ParserRuleContext, T> build) {
    Diagnostics local = new Diagnostics();
    SyntaxErrorListener listener = new SyntaxErrorListener(path, line, column, endOfInput, local);
    TollgateLexer lexer = new TollgateLexer(CharStreams.fromString(text, path));
    lexer.removeErrorListeners();
    lexer.addErrorListener(listener);
    CommonTokenStream tokens = new CommonTokenStream(lexer);
    tokens.fill();
    SpanFactory spans = new SpanFactory(path, line, column);
    if (!checkNesting(tokens.getTokens(), spans, local)) {
      diagnostics.addAll(local);
      return null;
    }
    TollgateParser parser = new TollgateParser(tokens);
    parser.removeErrorListeners();
    ParserRuleContext tree;
    try {
      tree = parseTwoStage(parser, tokens, listener, entry);
    } catch (StackOverflowError e) {
      local.error(new SourceSpan(path, line, column + 1, line, column + 1), "rule file nested too deeply to parse");
      diagnostics.addAll(local);
      return null;
    }
    if (listener.count() > 0) {
      diagnostics.addAll(local);
      return null;
    }
    T result = build.apply(new AstBuilder(spans, local), tree);
    diagnostics.addAll(local);
    return result;
  }

  private static ParserRuleContext parseTwoStage(
      TollgateParser parser, CommonTokenStream tokens, SyntaxErrorListener listener,
      Function<TollgateParser, ParserRuleContext> entry) {
    parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
    parser.setErrorHandler(new BailErrorStrategy());
    try {
      return entry.apply(parser);
    } catch (ParseCancellationException e) {
      tokens.seek(0);
      parser.reset();
      parser.addErrorListener(listener);
      parser.setErrorHandler(new ReportingErrorStrategy());
      parser.getInterpreter().setPredictionMode(PredictionMode.LL);
      return entry.apply(parser);
    }
  }

  private static boolean checkNesting(List<Token> tokens, SpanFactory spans, Diagnostics diagnostics) {
    int depth = 0;
    for (Token token : tokens) {
      String text = token.getText();
      if (token.getChannel() != Token.DEFAULT_CHANNEL || text == null || text.length() != 1) {
        continue;
      }
      char c = text.charAt(0);
      if (c == '(' || c == '[' || c == '{') {
        if (++depth > MAX_BRACKET_DEPTH) {
          diagnostics.error(spans.of(token), "brackets nested more than " + MAX_BRACKET_DEPTH + " deep");
          return false;
        }
      } else if (c == ')' || c == ']' || c == '}') {
        depth--;
      }
    }
    return true;
  }

  /**
   * Reports every syntax error but never repairs the input by inventing or dropping tokens: after
   * an error it resynchronises and carries on only to find further errors.
   */
  private static final class ReportingErrorStrategy extends DefaultErrorStrategy {
    @Override
    protected Token singleTokenDeletion(Parser recognizer) {
      return null;
    }

    @Override
    protected boolean singleTokenInsertion(Parser recognizer) {
      return false;
    }
  }
}
