package dev.tollgate.engine.eval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Literal strings at least one of which every match of a regular expression contains, so that
 * {@code matches(s, re)} can skip the regular expression engine for the many strings that contain
 * none of them. RE2/J guarantees linear time but steps an automaton over every character; a
 * description that mentions no firearm is told apart by a few {@code indexOf}s instead.
 *
 * <p>Reads a subset of the RE2 syntax — literals, escaped punctuation, {@code .}, classes,
 * anchors, groups (plain, {@code (?:...)}, {@code (?P<name>...)}), alternation and repetition —
 * and gives up (no prefilter: the expression always runs) on anything else, such as flags or
 * escapes it does not know. Each part of the expression is described by the exact set of strings
 * it matches while that set is small, and otherwise by a set of required literals (the approach of
 * RE2's own prefilter, much reduced).
 */
final class RegexPrefilter {
  /** Literals shorter than this filter too little to be worth testing. */
  private static final int MIN_LITERAL = 3;
  private static final int MAX_EXACT = 64;

  private final String regex;
  private int pos;

  private RegexPrefilter(String regex) {
    this.regex = regex;
  }

  /**
   * Literals one of which every match contains (none contains another), or null if nothing useful
   * can be said and the expression must always run.
   */
  static String[] requiredLiterals(String regex) {
    Info info;
    try {
      RegexPrefilter parser = new RegexPrefilter(regex);
      info = parser.alternation();
      if (parser.pos != regex.length()) {
        return null;
      }
    } catch (Unsupported e) {
      return null;
    }
    Set<String> required = info.requiredOrExact();
    if (required == null || required.stream().anyMatch(s -> s.length() < MIN_LITERAL)) {
      return null;
    }
    return minimal(required);
  }

  /** True if {@code s} contains one of {@code literals}. */
  static boolean containsAny(String s, String[] literals) {
    for (String literal : literals) {
      if (s.contains(literal)) {
        return true;
      }
    }
    return false;
  }

  private static String[] minimal(Set<String> literals) {
    List<String> byLength = new ArrayList<>(literals);
    byLength.sort(Comparator.comparingInt(String::length));
    List<String> kept = new ArrayList<>();
    for (String literal : byLength) {
      if (kept.stream().noneMatch(literal::contains)) {
        kept.add(literal);
      }
    }
    return kept.toArray(String[]::new);
  }

  private Info alternation() {
    List<Info> branches = new ArrayList<>();
    branches.add(concatenation());
    while (pos < regex.length() && regex.charAt(pos) == '|') {
      pos++;
      branches.add(concatenation());
    }
    return branches.size() == 1 ? branches.get(0) : Info.alternation(branches);
  }

  private Info concatenation() {
    List<Info> parts = new ArrayList<>();
    while (pos < regex.length() && regex.charAt(pos) != '|' && regex.charAt(pos) != ')') {
      parts.add(repetition(atom()));
    }
    return Info.concatenation(parts);
  }

  private Info atom() {
    char c = regex.charAt(pos++);
    switch (c) {
      case '(':
        return group();
      case '[':
        skipClass();
        return Info.ANY;
      case '.':
        return Info.ANY;
      case '^':
      case '$':
        return Info.EMPTY;
      case '\\':
        return escape();
      case '*':
      case '+':
      case '?':
      case '{':
        throw new Unsupported();
      default:
        if (Character.isHighSurrogate(c) && pos < regex.length()) {
          return Info.literal(regex.substring(pos - 1, ++pos));
        }
        return Info.literal(String.valueOf(c));
    }
  }

  private Info group() {
    if (regex.startsWith("?:", pos)) {
      pos += 2;
    } else if (regex.startsWith("?P<", pos)) {
      int close = regex.indexOf('>', pos);
      if (close < 0) {
        throw new Unsupported();
      }
      pos = close + 1;
    } else if (pos < regex.length() && regex.charAt(pos) == '?') {
      throw new Unsupported(); // flags, e.g. (?i), change what the literals mean
    }
    Info inside = alternation();
    if (pos >= regex.length() || regex.charAt(pos) != ')') {
      throw new Unsupported();
    }
    pos++;
    return inside;
  }

  private void skipClass() {
    if (pos < regex.length() && regex.charAt(pos) == '^') {
      pos++;
    }
    if (pos < regex.length() && regex.charAt(pos) == ']') {
      pos++;
    }
    while (pos < regex.length()) {
      char c = regex.charAt(pos++);
      if (c == '\\') {
        pos++;
      } else if (c == '[' && pos < regex.length() && regex.charAt(pos) == ':') {
        int close = regex.indexOf(":]", pos);
        if (close < 0) {
          throw new Unsupported();
        }
        pos = close + 2;
      } else if (c == ']') {
        return;
      }
    }
    throw new Unsupported();
  }

  private Info escape() {
    if (pos >= regex.length()) {
      throw new Unsupported();
    }
    char c = regex.charAt(pos++);
    switch (c) {
      case 'd', 'D', 'w', 'W', 's', 'S':
        return Info.ANY;
      case 'b', 'B', 'A', 'z':
        return Info.EMPTY;
      default:
        if (Character.isLetterOrDigit(c) || c >= 0x80) {
          throw new Unsupported(); // \pL, \x41, \Q...\E, \n: not worth reading here
        }
        return Info.literal(String.valueOf(c));
    }
  }

  private Info repetition(Info atom) {
    if (pos >= regex.length()) {
      return atom;
    }
    char c = regex.charAt(pos);
    Info repeated;
    if (c == '*') {
      pos++;
      repeated = Info.ANY_OR_EMPTY;
    } else if (c == '?') {
      pos++;
      repeated = atom.orEmpty();
    } else if (c == '+') {
      pos++;
      repeated = atom.atLeastOnce();
    } else if (c == '{') {
      int min = counts();
      repeated = min == 0 ? Info.ANY_OR_EMPTY : atom.atLeastOnce();
    } else {
      return atom;
    }
    if (pos < regex.length() && regex.charAt(pos) == '?') {
      pos++; // non-greedy: matches the same strings
    }
    if (pos < regex.length() && "*+?{".indexOf(regex.charAt(pos)) >= 0) {
      throw new Unsupported();
    }
    return repeated;
  }

  /** Reads {@code {n}}, {@code {n,}} or {@code {n,m}} and returns n. */
  private int counts() {
    int close = regex.indexOf('}', pos);
    if (close < 0) {
      throw new Unsupported();
    }
    String body = regex.substring(pos + 1, close);
    if (!body.matches("[0-9]{1,4}(,[0-9]{0,4})?")) {
      throw new Unsupported();
    }
    pos = close + 1;
    int comma = body.indexOf(',');
    return Integer.parseInt(comma < 0 ? body : body.substring(0, comma));
  }

  /**
   * What one part of an expression is known to match: the exact strings (null when unknown or too
   * many), or else literals one of which every match contains (null when none are known).
   */
  private record Info(Set<String> exact, Set<String> required) {
    static final Info ANY = new Info(null, null);
    static final Info ANY_OR_EMPTY = new Info(null, null);
    static final Info EMPTY = new Info(Set.of(""), null);

    static Info literal(String s) {
      return new Info(Set.of(s), null);
    }

    Set<String> requiredOrExact() {
      if (exact != null) {
        return exact.contains("") ? null : exact;
      }
      return required;
    }

    Info orEmpty() {
      if (exact == null || exact.size() >= MAX_EXACT) {
        return ANY_OR_EMPTY;
      }
      Set<String> with = new LinkedHashSet<>(exact);
      with.add("");
      return new Info(with, null);
    }

    Info atLeastOnce() {
      return new Info(null, requiredOrExact());
    }

    static Info alternation(List<Info> branches) {
      Set<String> exact = new LinkedHashSet<>();
      Set<String> required = new LinkedHashSet<>();
      for (Info branch : branches) {
        if (exact != null && branch.exact != null) {
          exact.addAll(branch.exact);
        } else {
          exact = null;
        }
        Set<String> branchRequired = branch.requiredOrExact();
        if (required != null && branchRequired != null) {
          required.addAll(branchRequired);
        } else {
          required = null;
        }
      }
      if (exact != null && exact.size() <= MAX_EXACT) {
        return new Info(exact, null);
      }
      return new Info(null, required);
    }

    /**
     * Runs of parts with exact strings multiply out into exact strings; a part without them ends
     * the run. Of the runs and the parts' own required literals, the one whose shortest literal
     * is longest is kept.
     */
    static Info concatenation(List<Info> parts) {
      Set<String> run = Set.of("");
      boolean broken = false;
      List<Set<String>> candidates = new ArrayList<>();
      for (Info part : parts) {
        Set<String> product = part.exact == null ? null : product(run, part.exact);
        if (product != null) {
          run = product;
          continue;
        }
        broken = true;
        candidates.add(run);
        if (part.exact != null) {
          run = part.exact;
        } else {
          if (part.required != null) {
            candidates.add(part.required);
          }
          run = Set.of("");
        }
      }
      if (!broken) {
        return new Info(run, null);
      }
      candidates.add(run);
      Set<String> best = null;
      int bestShortest = 0;
      for (Set<String> candidate : candidates) {
        if (candidate.contains("")) {
          continue;
        }
        int shortest = candidate.stream().mapToInt(String::length).min().orElse(0);
        if (shortest > bestShortest) {
          best = candidate;
          bestShortest = shortest;
        }
      }
      return new Info(null, best);
    }

    private static Set<String> product(Set<String> left, Set<String> right) {
      if ((long) left.size() * right.size() > MAX_EXACT) {
        return null;
      }
      Set<String> product = new LinkedHashSet<>();
      for (String l : left) {
        for (String r : right) {
          product.add(l + r);
        }
      }
      return product;
    }
  }

  private static final class Unsupported extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Unsupported() {
      super(null, null, false, false);
    }
  }
}
