package dev.tollgate.dsl.parser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.dsl.ast.Declaration;
import dev.tollgate.dsl.ast.Expression;
import dev.tollgate.dsl.ast.PatternDecl;
import dev.tollgate.dsl.ast.RuleFile;
import dev.tollgate.dsl.ast.Template;
import dev.tollgate.dsl.diag.Diagnostic;
import dev.tollgate.dsl.diag.Diagnostics;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuleParserTest {

  private static final String CARD_TESTING = """
      rule fraud.card_testing {
        severity high
        category fraud
        key cardId
        pattern {
          probe: Payment where amount <= 2 repeat 3+
          then hit: Payment where amount >= 500 and merchantCountry != probe.merchantCountry
        }
        within 15m
        alert "Card {cardId}: {count(probe)} micro-authorizations, then {hit.amount} {hit.currency}"
      }
      """;

  @Test
  void parsesThePatternExampleIntoStepsWithQuantifiersAndContiguity() {
    Diagnostics diagnostics = new Diagnostics();
    RuleFile file = RuleParser.parse("card.rule", CARD_TESTING, diagnostics);

    assertThat(diagnostics.sorted()).isEmpty();
    Declaration.RuleDecl rule = (Declaration.RuleDecl) file.declarations().get(0);
    assertThat(rule.name().value()).isEqualTo("fraud.card_testing");
    List<PatternDecl.Step> steps = rule.pattern().orElseThrow().steps();
    PatternDecl.EventStep probe = (PatternDecl.EventStep) steps.get(0);
    assertThat(probe.quantifier().orElseThrow().min()).isEqualTo(3);
    assertThat(probe.quantifier().orElseThrow().max()).isEmpty();
    assertThat(steps.get(1).contiguity()).isEqualTo(PatternDecl.Contiguity.RELAXED);
    assertThat(rule.within().orElseThrow().millis()).isEqualTo(15 * 60_000L);
  }

  @Test
  void placeholdersAreParsedAtTheirPositionInsideTheString() {
    Diagnostics diagnostics = new Diagnostics();
    RuleFile file = RuleParser.parse("card.rule", CARD_TESTING, diagnostics);

    Template alert = ((Declaration.RuleDecl) file.declarations().get(0)).alert().orElseThrow();
    Template.Placeholder hitAmount = (Template.Placeholder) alert.parts().get(5);
    assertThat(hitAmount.source()).isEqualTo("hit.amount");
    assertThat(hitAmount.expression().span().line()).isEqualTo(10);
    assertThat(hitAmount.expression().span().column()).isEqualTo(68);
  }

  @Test
  void clauseWordsStillWorkAsFieldNames() {
    Diagnostics diagnostics = new Diagnostics();
    RuleFile file = RuleParser.parse("x.rule", """
        rule contraband.toy_guns {
          severity high
          category contraband
          on CustomsDeclaration
          where contains(lower(description), "toy") and category == "ARMS" and type is not null
          alert "x"
        }
        """, diagnostics);

    assertThat(diagnostics.sorted()).isEmpty();
    assertThat(file.declarations()).hasSize(1);
  }

  @Test
  void numbersWithUnderscoresAndNegativeLiteralsFold() {
    Diagnostics diagnostics = new Diagnostics();
    RuleFile file = RuleParser.parse("c.rule", "const ctr_threshold = 10_000\nconst floor = -2.50\n", diagnostics);

    Declaration.ConstDecl ctr = (Declaration.ConstDecl) file.declarations().get(0);
    Declaration.ConstDecl floor = (Declaration.ConstDecl) file.declarations().get(1);
    assertThat(((Expression.NumberLiteral) ctr.value()).value()).isEqualByComparingTo("10000");
    assertThat(((Expression.NumberLiteral) floor.value()).value()).isEqualByComparingTo("-2.50");
  }

  @Test
  void reportsEverySyntaxErrorWithLineAndColumn() {
    Diagnostics diagnostics = new Diagnostics();
    RuleFile file = RuleParser.parse("bad.rule", """
        rule a.b {
          severity high
          where amount >
        }
        rule c.d {
          window 24x
        }
        """, diagnostics);

    assertThat(file.declarations()).isEmpty();
    assertThat(diagnostics.sorted()).extracting(Diagnostic::headline).containsExactly(
        "bad.rule:4:1: error: unexpected '}'",
        "bad.rule:6:10: error: unexpected '24', expected a duration such as 24h");
  }

  @Test
  void absurdNestingIsAnErrorNotAStackOverflow() {
    Diagnostics diagnostics = new Diagnostics();
    String deep = "const x = 1\nrule a { where " + "(".repeat(5000) + "1" + ")".repeat(5000) + " }";
    RuleParser.parse("deep.rule", deep, diagnostics);

    assertThat(diagnostics.hasErrors()).isTrue();
    assertThat(diagnostics.sorted().get(0).message()).contains("nested more than");
  }

  @Test
  void longOperatorChainsAreAnErrorNotAStackOverflow() {
    Diagnostics diagnostics = new Diagnostics();
    String chain = "rule a { where " + "x + ".repeat(20_000) + "x > 1 }";
    RuleParser.parse("chain.rule", chain, diagnostics);

    assertThat(diagnostics.sorted()).extracting(Diagnostic::message)
        .anyMatch(m -> m.contains("nested too deeply"));
  }

  @Test
  void aClauseGivenTwiceNamesBothPlaces() {
    Diagnostics diagnostics = new Diagnostics();
    RuleParser.parse("dup.rule", "rule a {\n  severity high\n  severity low\n}\n", diagnostics);

    assertThat(diagnostics.sorted()).extracting(Diagnostic::headline).containsExactly(
        "dup.rule:3:3: error: 'severity' is given twice in this rule (first at dup.rule:2:3)");
  }

  @Test
  void stringLiteralsInsidePlaceholdersAreWrittenWithEscapedQuotes() {
    Diagnostics diagnostics = new Diagnostics();
    RuleFile file = RuleParser.parse("t.rule",
        "rule a {\n  alert \"{coalesce(status, \\\"none\\\")} \\\"done\\\"\"\n}\n", diagnostics);

    assertThat(diagnostics.sorted()).isEmpty();
    Template alert = ((Declaration.RuleDecl) file.declarations().get(0)).alert().orElseThrow();
    Template.Placeholder placeholder = (Template.Placeholder) alert.parts().get(0);
    assertThat(placeholder.source()).isEqualTo("coalesce(status, \"none\")");
    Expression.FunctionCall call = (Expression.FunctionCall) placeholder.expression();
    assertThat(((Expression.StringLiteral) call.arguments().get(1)).value()).isEqualTo("none");
    assertThat(((Template.Text) alert.parts().get(1)).text()).isEqualTo(" \"done\"");
  }

  @Test
  void templatesRejectUnknownEscapesLikeOtherStrings() {
    Diagnostics diagnostics = new Diagnostics();
    RuleParser.parse("t.rule", "rule a {\n  alert \"a\\tb\"\n}\n", diagnostics);

    assertThat(diagnostics.sorted()).extracting(Diagnostic::headline).containsExactly(
        "t.rule:2:11: error: unknown escape in string; only \\\", \\\\ and \\n are allowed");
  }
}
