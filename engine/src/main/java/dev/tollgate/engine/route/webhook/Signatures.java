package dev.tollgate.engine.route.webhook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code X-Tollgate-Signature} header: {@code sha256=} and the lowercase hex HMAC-SHA256 of the
 * exact request body bytes, keyed with the route's secret (its UTF-8 bytes). A receiver recomputes
 * it over the raw body and compares in constant time. Not thread-safe; holds the key, never
 * exposes it.
 */
public final class Signatures {
  /** The header that carries the signature. */
  public static final String HEADER = "X-Tollgate-Signature";
  private static final String PREFIX = "sha256=";
  private static final String ALGORITHM = "HmacSHA256";

  private final Mac mac;

  public Signatures(String secret) {
    if (secret == null || secret.isEmpty()) {
      throw new IllegalArgumentException("a signing secret must not be empty");
    }
    try {
      mac = Mac.getInstance(ALGORITHM);
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HMAC-SHA256 is required of every Java runtime", e);
    }
  }

  /** The header value for {@code body}. */
  public String sign(byte[] body) {
    return PREFIX + HexFormat.of().formatHex(mac.doFinal(body));
  }

  @Override
  public String toString() {
    return "Signatures(HMAC-SHA256)";
  }
}
