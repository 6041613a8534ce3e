package dev.tollgate.jobs.generate;

/** Identifier formats of the entities in the generated world. */
final class Ids {
  private Ids() {}

  /** {@code prefix} followed by {@code number} zero-padded to {@code width} digits. */
  static String numbered(String prefix, long number, int width) {
    String digits = Long.toString(number);
    StringBuilder id = new StringBuilder(prefix.length() + Math.max(width, digits.length())).append(prefix);
    for (int i = digits.length(); i < width; i++) {
      id.append('0');
    }
    return id.append(digits).toString();
  }

  /** {@code prefix} followed by twelve hex digits of a hash: tokens and fingerprints look random. */
  static String token(String prefix, long hash) {
    String hex = Long.toHexString(hash & 0xFFFF_FFFF_FFFFL);
    return prefix + "0".repeat(12 - hex.length()) + hex;
  }
}
