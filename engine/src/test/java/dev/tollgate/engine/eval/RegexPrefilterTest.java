package dev.tollgate.engine.eval;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.re2j.Pattern;
import java.util.List;
import org.junit.jupiter.api.Test;

class RegexPrefilterTest {
  private static final String FIREARMS = ".*(^|[^a-z])(firearms?|handguns?|pistols?|revolvers?|rifles?|shotguns?"
      + "|carbines?|ammunition|ammo|gun barrels?|gun parts?|bolt carriers?|lower receivers?)([^a-z]|$).*";
  private static final String WILDLIFE = ".*(^|[^a-z])(elephant ivory|raw ivory|ivory carvings?|tusks?|rhino horns?"
      + "|live (monkeys?|primates?|parrots?))([^a-z]|$).*";

  @Test
  void findsTheWordsAnAlternationNeeds() {
    assertThat(RegexPrefilter.requiredLiterals(FIREARMS)).containsExactlyInAnyOrder("ammo", "ammunition", "rifle", "pistol",
        "carbine", "firearm", "handgun", "shotgun", "revolver", "gun part", "gun barrel", "bolt carrier",
        "lower receiver");
    assertThat(RegexPrefilter.requiredLiterals(".*(heated|dryer|warmer).*"))
        .containsExactlyInAnyOrder("heated", "dryer", "warmer");
    assertThat(RegexPrefilter.requiredLiterals("colou?r")).containsExactlyInAnyOrder("color", "colour");
    assertThat(RegexPrefilter.requiredLiterals("a+bcd\\.e")).containsExactly("bcd.e");
    assertThat(RegexPrefilter.requiredLiterals("(?:x|y)(?P<n>abc)+[0-9]{2,}")).containsExactly("abc");
  }

  @Test
  void saysNothingWhenNoLongEnoughLiteralIsNeeded() {
    assertThat(RegexPrefilter.requiredLiterals("[0-9]+")).isNull();
    assertThat(RegexPrefilter.requiredLiterals("abc|x")).isNull();
    assertThat(RegexPrefilter.requiredLiterals("(abc)?def?")).isNull();
    assertThat(RegexPrefilter.requiredLiterals("(abc)*")).isNull();
  }

  @Test
  void givesUpOnSyntaxItDoesNotRead() {
    assertThat(RegexPrefilter.requiredLiterals("(?i)pistol")).isNull();
    assertThat(RegexPrefilter.requiredLiterals("\\x41pistol")).isNull();
    assertThat(RegexPrefilter.requiredLiterals("\\pLpistol")).isNull();
    assertThat(RegexPrefilter.requiredLiterals("pistol)")).isNull();
  }

  @Test
  void neverRefusesAStringTheExpressionMatches() {
    List<String> texts = List.of("", "pistol", "water pistol", "toy pistols, plastic", "9mm ammunition 50 rounds",
        "gun barrels and gun parts", "lower-receivers", "lower receiver", "bolt carrier group", "ammo",
        "firearm", "elephant ivory carving", "tusk", "live parrots", "live  parrots", "rhino horn powder",
        "cotton t-shirts", "raw ivory", "ivory", "shotgun", "carbines", "rifles scope");
    for (String regex : List.of(FIREARMS, WILDLIFE, ".*(heated|dryer|warmer).*", "colou?r", "(?:x|y)(abc)+")) {
      Pattern pattern = Pattern.compile(regex);
      String[] literals = RegexPrefilter.requiredLiterals(regex);
      assertThat(literals).as(regex).isNotNull();
      for (String text : texts) {
        if (pattern.matcher(text).find()) {
          assertThat(RegexPrefilter.containsAny(text, literals)).as(regex + " on " + text).isTrue();
        }
      }
    }
  }
}
