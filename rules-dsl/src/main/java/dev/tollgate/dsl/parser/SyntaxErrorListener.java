package dev.tollgate.dsl.parser;

import dev.tollgate.dsl.ast.SourceSpan;
import dev.tollgate.dsl.diag.Diagnostics;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.InputMismatchException;
import org.antlr.v4.runtime.NoViableAltException;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.IntervalSet;

/**
 * Turns ANTLR's reports into analyst-facing diagnostics: what was found and, where the set is
 * small enough to help, what was expected.
 */
final class SyntaxErrorListener extends BaseErrorListener {
  private final String file;
  private final int lineOffset;
  private final int columnOffset;
  private final String endOfInput;
  private final Diagnostics diagnostics;
  private int count;

  /** {@code endOfInput} names the end of what is parsed: a file, or a placeholder in a template. */
  SyntaxErrorListener(String file, int lineOffset, int columnOffset, String endOfInput, Diagnostics diagnostics) {
    this.endOfInput = endOfInput;
    this.file = file;
    this.lineOffset = lineOffset;
    this.columnOffset = columnOffset;
    this.diagnostics = diagnostics;
  }

  int count() {
    return count;
  }

  @Override
  public void syntaxError(
      Recognizer<?, ?> recognizer, Object offendingSymbol, int line, int charPositionInLine, String msg,
      RecognitionException e) {
    count++;
    int column = (line == 1 ? columnOffset : 0) + charPositionInLine + 1;
    int width = 1;
    String message;
    if (offendingSymbol instanceof Token token && recognizer instanceof Parser parser) {
      width = Math.max(1, token.getText() == null ? 1 : token.getText().length());
      message = describe(token, parser, e, msg);
    } else {
      message = msg.startsWith("token recognition error") ? "unexpected character" : msg;
    }
    int actualLine = lineOffset + line - 1;
    diagnostics.error(new SourceSpan(file, actualLine, column, actualLine, column + width - 1), message);
  }

  private String describe(Token token, Parser parser, RecognitionException e, String fallback) {
    String found = token.getType() == Token.EOF ? endOfInput : "'" + token.getText() + "'";
    if (token.getType() == TollgateLexer.UNRECOGNIZED) {
      return "unexpected character " + found;
    }
    if (token.getType() == TollgateLexer.UNTERMINATED_STRING) {
      return "unterminated string: a string ends with '\"' on the same line";
    }
    IntervalSet expected = e != null ? e.getExpectedTokens() : safeExpected(parser);
    if (e instanceof NoViableAltException || expected == null || expected.isNil()) {
      return "unexpected " + found;
    }
    String wanted = Expectations.describe(expected, parser.getVocabulary());
    if (wanted == null) {
      return fallback.startsWith("extraneous") || fallback.startsWith("missing") || e instanceof InputMismatchException
          ? "unexpected " + found
          : "unexpected " + found;
    }
    return "unexpected " + found + ", expected " + wanted;
  }

  private static IntervalSet safeExpected(Parser parser) {
    try {
      return parser.getExpectedTokens();
    } catch (RuntimeException ignored) {
      return null;
    }
  }
}
