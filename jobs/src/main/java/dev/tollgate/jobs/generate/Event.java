package dev.tollgate.jobs.generate;

/**
 * One event on its way to the output: its type, event time, catalog fields in catalog order and, for
 * injected events, the typology label. Fields are kept in primitive arrays so a million events do not
 * box a million numbers (doubles as their bits among the longs).
 */
final class Event {
  /** How a field's value is written. */
  enum Kind { STRING, LONG, DECIMAL, DOUBLE, BOOLEAN, TIMESTAMP, NULL }

  private final EventType type;
  private long timestamp;
  private Label label;
  private int size;
  private final String[] names;
  private final Kind[] kinds;
  private final String[] texts;
  private final long[] numbers;

  Event(EventType type, long timestamp, int capacity) {
    this.type = type;
    this.timestamp = timestamp;
    this.names = new String[capacity];
    this.kinds = new Kind[capacity];
    this.texts = new String[capacity];
    this.numbers = new long[capacity];
  }

  Event string(String name, String value) {
    int i = add(name, value == null ? Kind.NULL : Kind.STRING);
    texts[i] = value;
    return this;
  }

  Event integer(String name, long value) {
    numbers[add(name, Kind.LONG)] = value;
    return this;
  }

  /** A decimal with two decimal places, given in hundredths ({@code 12345} is {@code 123.45}). */
  Event decimal(String name, long hundredths) {
    numbers[add(name, Kind.DECIMAL)] = hundredths;
    return this;
  }

  /** A decimal that may be absent, in hundredths. */
  Event decimal(String name, Long hundredths) {
    if (hundredths == null) {
      add(name, Kind.NULL);
      return this;
    }
    return decimal(name, hundredths.longValue());
  }

  Event real(String name, double value) {
    numbers[add(name, Kind.DOUBLE)] = Double.doubleToRawLongBits(value);
    return this;
  }

  Event bool(String name, boolean value) {
    numbers[add(name, Kind.BOOLEAN)] = value ? 1 : 0;
    return this;
  }

  Event timestamp(String name, long epochMillis) {
    numbers[add(name, Kind.TIMESTAMP)] = epochMillis;
    return this;
  }

  /** Marks the event as part of an injected typology instance. */
  Event label(Label instance) {
    this.label = instance;
    return this;
  }

  private int add(String name, Kind kind) {
    int i = size++;
    names[i] = name;
    kinds[i] = kind;
    return i;
  }

  EventType type() {
    return type;
  }

  long timestamp() {
    return timestamp;
  }

  /** Moves the event time, to model a record that reaches the feed a little late. */
  void backdate(long newTimestamp) {
    this.timestamp = newTimestamp;
  }

  /** The injected instance the event belongs to, or null for background traffic. */
  Label label() {
    return label;
  }

  int size() {
    return size;
  }

  String name(int i) {
    return names[i];
  }

  Kind kind(int i) {
    return kinds[i];
  }

  String text(int i) {
    return texts[i];
  }

  long number(int i) {
    return numbers[i];
  }

  double real(int i) {
    return Double.longBitsToDouble(numbers[i]);
  }
}
