package dev.tollgate.engine.cases;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Deterministic case ids: the first 16 bytes of SHA-256, in hex, over the case key and the id of
 * the alert that opened the case. Alert ids are deterministic and case grouping places alerts in
 * event-time order, so a replay of the same input opens the same cases with the same ids, and a
 * case that closes and later reopens for the same entity gets a new id.
 */
public final class CaseIds {
  private static final HexFormat HEX = HexFormat.of();

  private CaseIds() {}

  /** The id of the case kept under {@code caseKey} (see {@link CaseKeys}) that this alert opened. */
  public static String of(String caseKey, String openingAlertId) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      byte[] hash = digest.digest(("case\u0000" + caseKey + "\u0000" + openingAlertId).getBytes(StandardCharsets.UTF_8));
      return HEX.formatHex(hash, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime provides SHA-256", e);
    }
  }
}
