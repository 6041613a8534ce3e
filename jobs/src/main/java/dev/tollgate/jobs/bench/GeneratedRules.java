package dev.tollgate.jobs.bench;

import java.util.List;

/**
 * Rule text for the rule-count scaling cases: {@code count} rules cycling through the three kinds
 * (single event, windowed aggregate, pattern) over Payment and Transaction, with keys spread over
 * the fields those types share with real rule sets. Each rule is narrowed by a country, as real
 * rules are by jurisdiction, merchant or channel, so an event meets the conditions of many rules
 * but satisfies few; thresholds vary with the rule's number. The same count always gives the same
 * text.
 */
final class GeneratedRules {
  private static final List<String> COUNTRIES = List.of(
      "US", "GB", "DE", "FR", "NL", "ES", "IT", "PL", "SG", "JP", "CN", "HK", "AE", "IN", "BR", "MX", "CA", "AU", "TR", "CH");
  private static final List<String> PAYMENT_KEYS = List.of("cardId", "accountId", "merchantId", "deviceId");
  private static final List<String> TRANSACTION_KEYS = List.of("accountId", "counterpartyId");

  private GeneratedRules() {}

  /** A rule file of {@code count} rules, {@code bench.r0001} onwards. */
  static String text(int count) {
    StringBuilder text = new StringBuilder(count * 400);
    text.append("# ").append(count).append(" generated rules of mixed kinds (tollgate bench).\n");
    for (int i = 0; i < count; i++) {
      text.append('\n');
      switch (i % 3) {
        case 0 -> singleEvent(text, i);
        case 1 -> windowed(text, i);
        default -> pattern(text, i);
      }
    }
    return text.toString();
  }

  private static void header(StringBuilder text, int i) {
    text.append("rule bench.r").append(String.format("%04d", i + 1)).append(" {\n")
        .append("  severity low\n")
        .append("  category bench\n");
  }

  private static void singleEvent(StringBuilder text, int i) {
    header(text, i);
    String country = country(i);
    if (onPayment(i)) {
      text.append("  on Payment\n")
          .append("  where merchantCountry == \"").append(country).append("\" and amount >= ").append(500 + 10 * (i % 50))
          .append(" and ipCountry != merchantCountry\n")
          .append("  alert \"Payment {id}: {amount} {currency} in {merchantCountry}\"\n");
    } else {
      text.append("  on Transaction\n")
          .append("  where counterpartyCountry == \"").append(country).append("\" and amount >= ").append(1_000 + 100 * (i % 50))
          .append("\n")
          .append("  alert \"Account {accountId}: {amount} {currency} with {counterpartyCountry}\"\n");
    }
    text.append("}\n");
  }

  private static void windowed(StringBuilder text, int i) {
    header(text, i);
    String country = country(i);
    if (onPayment(i)) {
      text.append("  on Payment\n")
          .append("  where merchantCountry == \"").append(country).append("\"\n")
          .append("  key ").append(PAYMENT_KEYS.get(i / 3 % PAYMENT_KEYS.size())).append('\n')
          .append("  window ").append(1 + i % 6).append("h\n")
          .append("  having count() >= ").append(3 + i % 5).append(" and sum(amount) >= ").append(1_000 + 50 * (i % 40)).append('\n')
          .append("  alert \"{count()} payments totalling {sum(amount)}\"\n");
    } else {
      text.append("  on Transaction\n")
          .append("  where counterpartyCountry == \"").append(country).append("\"\n")
          .append("  key ").append(TRANSACTION_KEYS.get(i / 3 % TRANSACTION_KEYS.size())).append('\n')
          .append("  window ").append(6 + i % 19).append("h\n")
          .append("  having count_distinct(counterpartyId) >= ").append(3 + i % 4).append('\n')
          .append("  alert \"{count()} transactions with {count_distinct(counterpartyId)} counterparties\"\n");
    }
    text.append("}\n");
  }

  private static void pattern(StringBuilder text, int i) {
    header(text, i);
    String country = country(i);
    if (onPayment(i)) {
      text.append("  key ").append(PAYMENT_KEYS.get(i / 3 % 2)).append('\n')
          .append("  pattern {\n")
          .append("    probe: Payment where amount <= ").append(2 + i % 4).append(" and merchantCountry == \"").append(country)
          .append("\" repeat ").append(2 + i % 3).append("+\n")
          .append("    then hit: Payment where amount >= ").append(300 + 20 * (i % 20)).append('\n')
          .append("  }\n")
          .append("  within ").append(10 + i % 50).append("m\n")
          .append("  alert \"{count(probe)} probes, then {hit.amount}\"\n");
    } else {
      text.append("  key accountId\n")
          .append("  pattern {\n")
          .append("    inflow: Transaction where direction == \"IN\" and counterpartyCountry == \"").append(country)
          .append("\" and amount >= ").append(1_000 + 100 * (i % 30)).append('\n')
          .append("    then outflow: Transaction where direction == \"OUT\" and amount >= 0.8 * inflow.amount\n")
          .append("  }\n")
          .append("  within ").append(1 + i % 48).append("h\n")
          .append("  alert \"{inflow.amount} in, {outflow.amount} out\"\n");
    }
    text.append("}\n");
  }

  /** Two of every three rules of a kind read Payment, the busiest type of rule-relevant traffic. */
  private static boolean onPayment(int i) {
    return i / 3 % 3 != 2;
  }

  private static String country(int i) {
    return COUNTRIES.get(i * 7 % COUNTRIES.size());
  }
}
