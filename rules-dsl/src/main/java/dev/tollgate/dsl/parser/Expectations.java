package dev.tollgate.dsl.parser;

import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.Vocabulary;
import org.antlr.v4.runtime.misc.IntervalSet;

/** Describes the tokens a parser expected in words an analyst reads. */
final class Expectations {
  private static final int MAX_LISTED = 6;

  private Expectations() {}

  /** e.g. {@code "'}' or a clause"}; null when the set is too large to help. */
  static String describe(IntervalSet expected, Vocabulary vocabulary) {
    List<String> names = new ArrayList<>();
    boolean identifier = false;
    for (int type : expected.toList()) {
      if (type == TollgateLexer.IDENTIFIER) {
        identifier = true;
        continue;
      }
      if (type == Token.EOF) {
        names.add("end of file");
        continue;
      }
      String literal = vocabulary.getLiteralName(type);
      if (literal != null) {
        names.add(literal);
      } else {
        names.add(switch (vocabulary.getSymbolicName(type)) {
          case "STRING" -> "a string";
          case "INTEGER" -> "a whole number";
          case "DECIMAL_NUMBER" -> "a number";
          case "DURATION" -> "a duration such as 24h";
          default -> vocabulary.getSymbolicName(type).toLowerCase(java.util.Locale.ROOT);
        });
      }
    }
    if (identifier) {
      // Keywords that are also identifiers bloat the set; say "a name" once instead.
      names.removeIf(n -> n.startsWith("'") && Character.isLetter(n.charAt(1)) && !isStructural(n));
      names.add("a name");
    }
    if (names.isEmpty() || names.size() > MAX_LISTED) {
      return null;
    }
    if (names.size() == 1) {
      return names.get(0);
    }
    return String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
  }

  private static boolean isStructural(String literal) {
    return switch (literal) {
      case "'and'", "'or'", "'not'", "'in'", "'is'", "'between'", "'then'", "'null'", "'true'", "'false'" -> true;
      default -> false;
    };
  }
}
