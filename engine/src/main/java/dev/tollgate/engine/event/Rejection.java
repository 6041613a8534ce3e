package dev.tollgate.engine.event;

/** Why the decoder refused a record: a reason code and a sentence for the person reading it. */
public record Rejection(RejectReason reason, String detail) {}
