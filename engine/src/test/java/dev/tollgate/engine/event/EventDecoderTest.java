package dev.tollgate.engine.event;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.engine.testing.Schemas;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EventDecoderTest {
  private static final EventCatalog CATALOG = new EventCatalog(List.of(Schemas.TRANSACTION, Schemas.ALL_TYPES));
  private static final long NINE_AM = Instant.parse("2026-03-01T09:00:00Z").toEpochMilli();

  private final EventDecoder decoder = new EventDecoder(CATALOG, null);

  @Test
  void decodesTypedFieldsByPosition() {
    Event event = decoder.decode("""
        {"event":"Transaction","id":"t1","ts":"2026-03-01T09:00:00Z","accountId":"A1","type":"CASH_DEPOSIT",\
        "amount":9500.00,"currency":"USD","country":"US"}""");

    assertThat(event).isEqualTo(new Event(0, new Object[] {
        "t1", NINE_AM, "A1", "CASH_DEPOSIT", new BigDecimal("9500.00"), "USD", "US"}));
  }

  @Test
  void decodesEveryFieldTypeExactly() {
    Event event = decoder.decode("""
        {"event":"AllTypes","id":"a","ts":1772355600000,"s":"x","n":5.0,"d":0.1,"x":1,"b":true,\
        "t":"2026-03-01T11:00:00.5+02:00"}""");

    assertThat(event.ts()).isEqualTo(NINE_AM);
    assertThat(event.get(3)).isEqualTo(5L);
    assertThat(event.get(4)).isEqualTo(new BigDecimal("0.1"));
    assertThat(event.get(5)).isEqualTo(1.0);
    assertThat(event.get(6)).isEqualTo(Boolean.TRUE);
    assertThat(event.get(7)).isEqualTo(NINE_AM + 500);
  }

  @Test
  void absentAndNullFieldsAreNullAndUnknownMembersAreSkipped() {
    Event event = decoder.decode("""
        {"extra":{"deep":[1,{"a":"b"}]},"event":"Transaction","id":"t1","ts":"2026-03-01T09:00:00Z",\
        "amount":null,"more":[true]}""");

    assertThat(event).isNotNull();
    assertThat(event.get(2)).isNull();
    assertThat(event.get(4)).isNull();
  }

  @Test
  void typeMemberMayComeLast() {
    Event event = decoder.decode("""
        {"id":"t1","ts":"2026-03-01T09:00:00Z","accountId":"A1","event":"Transaction"}""");

    assertThat(event).isNotNull();
    assertThat(event.typeId()).isEqualTo(0);
    assertThat(event.get(2)).isEqualTo("A1");
  }

  @Test
  void inputBoundToOneTypeMayOmitTypeMember() {
    EventDecoder bound = new EventDecoder(CATALOG, "Transaction");

    Event event = bound.decode("{\"id\":\"t1\",\"ts\":1772355600000,\"amount\":1}".getBytes(StandardCharsets.UTF_8));

    assertThat(event).isNotNull();
    assertThat(event.get(4)).isEqualTo(new BigDecimal("1"));
  }

  @Test
  void typeMemberOverridesBoundTypeEvenAfterFields() {
    EventDecoder bound = new EventDecoder(CATALOG, "Transaction");

    Event event = bound.decode("{\"id\":\"a\",\"ts\":1772355600000,\"amount\":\"not for AllTypes\",\"n\":7,\"event\":\"AllTypes\"}");

    assertThat(event).isNotNull();
    assertThat(event.typeId()).isEqualTo(1);
    assertThat(event.get(3)).isEqualTo(7L);
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "{\"event\":\"Transaction\",\"id\":\"t1\" | bad_json",
      "`` | bad_json",
      "{\"event\":\"Transaction\",\"id\":\"t1\",\"ts\":1} trailing | bad_json",
      "[1,2] | not_an_object",
      "\"text\" | not_an_object",
      "{\"id\":\"t1\",\"ts\":1} | unknown_event_type",
      "{\"event\":\"Refund\",\"id\":\"t1\",\"ts\":1} | unknown_event_type",
      "{\"event\":7,\"id\":\"t1\",\"ts\":1} | wrong_type",
      "{\"event\":\"Transaction\",\"ts\":1} | missing_id",
      "{\"event\":\"Transaction\",\"id\":null,\"ts\":1} | missing_id",
      "{\"event\":\"Transaction\",\"id\":\"t1\"} | missing_ts",
      "{\"event\":\"Transaction\",\"id\":5,\"ts\":1} | wrong_type",
      "{\"event\":\"Transaction\",\"id\":\"t1\",\"ts\":\"yesterday\"} | wrong_type",
      "{\"event\":\"Transaction\",\"id\":\"t1\",\"ts\":\"2026-03-01T09:00:00\"} | wrong_type",
      "{\"event\":\"Transaction\",\"id\":\"t1\",\"ts\":1,\"amount\":\"9500\"} | wrong_type",
      "{\"event\":\"Transaction\",\"id\":\"t1\",\"ts\":1,\"accountId\":{\"a\":1}} | wrong_type",
      "{\"event\":\"AllTypes\",\"id\":\"t1\",\"ts\":1,\"n\":1.5} | wrong_type",
      "{\"event\":\"AllTypes\",\"id\":\"t1\",\"ts\":1,\"n\":99999999999999999999} | wrong_type",
      "{\"event\":\"AllTypes\",\"id\":\"t1\",\"ts\":1,\"b\":\"true\"} | wrong_type",
      "{\"event\":\"Transaction\",\"id\":\"t1\",\"ts\":1,\"amount\":\"x\",\"broken\": | bad_json",
  })
  void rejectsWithReason(String json, String reason) {
    Event event = decoder.decode(json == null ? "" : json);

    assertThat(event).isNull();
    assertThat(decoder.rejection().reason().code()).isEqualTo(reason);
    assertThat(decoder.rejection().detail()).isNotBlank();
  }

  @Test
  void wrongTypeNamesTheField() {
    decoder.decode("{\"event\":\"Transaction\",\"id\":\"t1\",\"ts\":1,\"amount\":\"9500\"}");

    assertThat(decoder.rejection().detail()).isEqualTo("field \"amount\": expected decimal, got string");
  }

  @Test
  void decoderRecoversAfterRejection() {
    decoder.decode("not json");

    Event event = decoder.decode("{\"event\":\"Transaction\",\"id\":\"t2\",\"ts\":1}");

    assertThat(event).isNotNull();
    assertThat(event.id()).isEqualTo("t2");
  }

  @Test
  void encoderWritesWhatDecoderReads() {
    EventEncoder encoder = new EventEncoder(CATALOG);
    Event original = Schemas.event(Schemas.ALL_TYPES, "a", "2026-03-01T09:00:00.250Z",
        "s", "quote \" and ü", "n", 42L, "d", "2.73E+4", "x", 0.5, "b", false, "t", "2026-03-02T00:00:00Z");

    String json = encoder.encode(original);
    Event decoded = decoder.decode(json);

    assertThat(json).startsWith("{\"event\":\"AllTypes\",\"id\":\"a\",\"ts\":\"2026-03-01T09:00:00.250Z\"")
        .contains("\"d\":27300").contains("\"t\":\"2026-03-02T00:00:00Z\"");
    assertThat(decoded.get(4)).isEqualTo(new BigDecimal("27300"));
    assertThat(decoded.get(2)).isEqualTo("quote \" and ü");
    assertThat(decoded.get(7)).isEqualTo(original.get(7));
  }

  @Test
  void encoderOmitsNulls() {
    String json = new EventEncoder(CATALOG).encode(Schemas.event(Schemas.TRANSACTION, "t1", "2026-03-01T09:00:00Z"));

    assertThat(json).isEqualTo("{\"event\":\"Transaction\",\"id\":\"t1\",\"ts\":\"2026-03-01T09:00:00Z\"}");
  }
}
