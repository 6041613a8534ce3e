package dev.tollgate.engine.route.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SignaturesTest {
  @Test
  void isHexHmacSha256OfTheBody() {
    // RFC 4231, test case 2
    String signature = new Signatures("Jefe").sign("what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII));

    assertThat(signature).isEqualTo("sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
  }

  @Test
  void neverShowsTheSecret() {
    assertThat(new Signatures("top-secret-value")).asString().doesNotContain("top-secret-value");
  }
}
