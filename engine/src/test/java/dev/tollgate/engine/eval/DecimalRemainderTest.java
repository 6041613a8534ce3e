package dev.tollgate.engine.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DecimalRemainderTest {

  @ParameterizedTest(name = "{0} % {1} = {2}")
  @CsvSource({
      "5000, 1000, 0",
      "5000.00, 1000, 0.00",
      "1234.56, 1000, 234.56",
      "-1234.56, 1000, -234.56",
      "7.5, 2, 1.5",
      "2, 4.0, 2",
      "12, 4.0, 0.0",
      "500000, 1.00, 0",
      "50, 1.00, 0.0",
      "0, 1.00, 0",
      "0.000, 7, 0.000",
      "10, 3, 1",
      "10, -3, 1",
  })
  void givesWhatBigDecimalGivesValueAndScale(String a, String b, String expected) {
    BigDecimal result = DecimalRemainder.of(new BigDecimal(a), new BigDecimal(b));

    assertThat(result).isEqualTo(new BigDecimal(expected));
    assertThat(result).isEqualTo(new BigDecimal(a).remainder(new BigDecimal(b), MathContext.DECIMAL128));
    assertThat(result).isEqualTo(new BigDecimal(a).remainder(new BigDecimal(b)));
  }

  @Test
  void agreesWithBigDecimalOnRandomOperandsOfEveryScale() {
    SplittableRandom random = new SplittableRandom(7);
    for (int i = 0; i < 200_000; i++) {
      BigDecimal a = randomDecimal(random);
      BigDecimal b = randomDecimal(random);
      if (b.signum() == 0) {
        continue;
      }
      BigDecimal expected = a.remainder(b);

      assertThat(DecimalRemainder.of(a, b)).as("%s %% %s", a.toPlainString(), b.toPlainString()).isEqualTo(expected);
      if (a.divideToIntegralValue(b).precision() <= MathContext.DECIMAL128.getPrecision()) {
        assertThat(a.remainder(b, MathContext.DECIMAL128)).isEqualTo(expected);
      }
    }
  }

  @Test
  void fallsBackForOperandsBeyondLongs() {
    BigDecimal huge = new BigDecimal("123456789012345678901234567890.5");
    BigDecimal negativeScale = new BigDecimal("5E+3");

    assertThat(DecimalRemainder.of(huge, new BigDecimal("7"))).isEqualTo(huge.remainder(new BigDecimal("7"), MathContext.DECIMAL128));
    assertThat(DecimalRemainder.of(negativeScale, new BigDecimal("3"))).isEqualTo(negativeScale.remainder(new BigDecimal("3"), MathContext.DECIMAL128));
    assertThat(DecimalRemainder.of(new BigDecimal("1E-20"), new BigDecimal("3")))
        .isEqualTo(new BigDecimal("1E-20").remainder(new BigDecimal("3"), MathContext.DECIMAL128));
  }

  @Test
  void hugeAmountModuloATinyUnitIsExactWhereA34DigitQuotientWouldFail() {
    BigDecimal amount = new BigDecimal("900000000000000000");
    BigDecimal unit = new BigDecimal("0.000000000000000007");

    assertThat(DecimalRemainder.of(amount, unit)).isEqualByComparingTo(amount.remainder(unit));
    assertThat(DecimalRemainder.of(amount, unit).signum()).isPositive();
  }

  /** Mostly small amounts with round values and trailing zeros, sometimes up to a long's range. */
  private static BigDecimal randomDecimal(SplittableRandom random) {
    long unscaled = switch (random.nextInt(4)) {
      case 0 -> random.nextLong(-20, 21);
      case 1 -> random.nextLong(-1_000_000, 1_000_001) * (long) Math.pow(10, random.nextInt(6));
      case 2 -> random.nextLong(-100_000_000_000L, 100_000_000_001L);
      default -> random.nextLong() >> random.nextInt(1, 40);
    };
    return BigDecimal.valueOf(unscaled, random.nextInt(0, 19));
  }
}
