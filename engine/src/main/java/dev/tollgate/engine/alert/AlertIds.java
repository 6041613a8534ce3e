package dev.tollgate.engine.alert;

import dev.tollgate.engine.event.Event;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;

/**
 * Deterministic alert ids: the first 16 bytes of SHA-256, in hex, over the rule id, rule
 * version, key values and matched event ids. A replay of the same input produces the same ids on
 * any machine, so downstream systems can de-duplicate; a changed rule (new version) produces new
 * ids. Every component is length-prefixed, so {@code ("ab","c")} and {@code ("a","bc")} differ,
 * and decimal key values are written without trailing zeros, so {@code 10.0} and {@code 10} agree.
 */
public final class AlertIds {
  private static final HexFormat HEX = HexFormat.of();

  private AlertIds() {}

  public static String of(String ruleId, String ruleVersion, Collection<?> keyValues, List<Event> events) {
    MessageDigest digest = sha256();
    update(digest, ruleId);
    update(digest, ruleVersion);
    updateInt(digest, keyValues.size());
    for (Object value : keyValues) {
      update(digest, canonical(value));
    }
    updateInt(digest, events.size());
    for (Event event : events) {
      update(digest, event.id());
    }
    byte[] hash = digest.digest();
    return HEX.formatHex(hash, 0, 16);
  }

  private static String canonical(Object value) {
    if (value == null) {
      return "\u0000null";
    }
    if (value instanceof BigDecimal d) {
      return (d.signum() == 0 ? BigDecimal.ZERO : d.stripTrailingZeros()).toPlainString();
    }
    return value.toString();
  }

  private static void update(MessageDigest digest, String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    updateInt(digest, bytes.length);
    digest.update(bytes);
  }

  private static void updateInt(MessageDigest digest, int n) {
    digest.update((byte) (n >>> 24));
    digest.update((byte) (n >>> 16));
    digest.update((byte) (n >>> 8));
    digest.update((byte) n);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime provides SHA-256", e);
    }
  }
}
