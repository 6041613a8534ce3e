package dev.tollgate.jobs.bench;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tollgate.engine.source.RawRecord;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichFlatMapFunction;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.cep.CEP;
import org.apache.flink.cep.functions.PatternProcessFunction;
import org.apache.flink.cep.nfa.aftermatch.AfterMatchSkipStrategy;
import org.apache.flink.cep.pattern.Pattern;
import org.apache.flink.cep.pattern.conditions.IterativeCondition;
import org.apache.flink.cep.pattern.conditions.SimpleCondition;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.KeyedStream;
import org.apache.flink.util.Collector;

/**
 * The card-testing rule written by hand against Flink CEP, without the rule language: Jackson
 * decodes each line into a {@link CardPayment}, bounded out-of-orderness watermarks (5 s) give
 * event time, and the pattern is the one {@code fraud.card_testing} compiles to (three or more
 * greedy probes of at most 2, then a purchase of at least 500 in another country than the last
 * probe, within 15 minutes, skipping past a match's last event). What the rule language costs is
 * the difference between this job and the one-pattern-rule case.
 */
final class CardTestingCep {
  private static final BigDecimal PROBE_MAX = new BigDecimal("2");
  private static final BigDecimal HIT_MIN = new BigDecimal("500");

  private CardTestingCep() {}

  static DataStream<String> attach(DataStream<RawRecord> lines) {
    KeyedStream<CardPayment, String> payments = lines
        .flatMap(new DecodePayments())
        .returns(TypeInformation.of(CardPayment.class))
        .name("decode payments (Jackson)")
        .assignTimestampsAndWatermarks(WatermarkStrategy.<CardPayment>forBoundedOutOfOrderness(Duration.ofSeconds(5))
            .withTimestampAssigner((payment, previous) -> payment.time))
        .keyBy(payment -> payment.cardId, Types.STRING);
    return CEP.pattern(payments, pattern())
        .inEventTime()
        .process(new Alerts())
        .returns(Types.STRING)
        .name("card testing (Flink CEP)");
  }

  static Pattern<CardPayment, CardPayment> pattern() {
    return Pattern.<CardPayment>begin("probe", AfterMatchSkipStrategy.skipPastLastEvent())
        .where(SimpleCondition.of(payment -> payment.amount.compareTo(PROBE_MAX) <= 0))
        .timesOrMore(3)
        .greedy()
        .followedBy("hit")
        .where(new HitCondition())
        .within(Duration.ofMinutes(15));
  }

  /** A purchase of 500 or more in another merchant country than the latest probe. */
  private static final class HitCondition extends IterativeCondition<CardPayment> {
    private static final long serialVersionUID = 1L;

    @Override
    public boolean filter(CardPayment payment, Context<CardPayment> ctx) throws Exception {
      if (payment.amount.compareTo(HIT_MIN) < 0 || payment.merchantCountry == null) {
        return false;
      }
      CardPayment lastProbe = null;
      for (CardPayment probe : ctx.getEventsForPattern("probe")) {
        lastProbe = probe;
      }
      return lastProbe != null && lastProbe.merchantCountry != null
          && !payment.merchantCountry.equals(lastProbe.merchantCountry);
    }
  }

  /** Lines to payments; other event types and undecodable lines are dropped. */
  private static final class DecodePayments extends RichFlatMapFunction<RawRecord, CardPayment> {
    private static final long serialVersionUID = 1L;
    private transient ObjectMapper mapper;

    @Override
    public void open(OpenContext openContext) {
      mapper = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    }

    @Override
    public void flatMap(RawRecord line, Collector<CardPayment> out) {
      CardPayment payment;
      try {
        payment = mapper.readValue(line.text(), CardPayment.class);
      } catch (Exception malformed) {
        return;
      }
      if (!"Payment".equals(payment.event) || payment.cardId == null || payment.amount == null || payment.ts == null) {
        return;
      }
      try {
        payment.time = payment.ts.indexOf('T') < 0 ? Long.parseLong(payment.ts) : Instant.parse(payment.ts).toEpochMilli();
      } catch (RuntimeException badTime) {
        return;
      }
      out.collect(payment);
    }
  }

  /** One line per match, like an alert message. */
  private static final class Alerts extends PatternProcessFunction<CardPayment, String> {
    private static final long serialVersionUID = 1L;

    @Override
    public void processMatch(Map<String, List<CardPayment>> match, Context ctx, Collector<String> out) {
      CardPayment hit = match.get("hit").get(0);
      out.collect("Card " + hit.cardId + ": " + match.get("probe").size() + " micro-authorizations, then "
          + hit.amount + " " + hit.currency);
    }
  }
}
