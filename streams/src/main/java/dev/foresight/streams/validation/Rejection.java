package dev.foresight.streams.validation;

import dev.foresight.streams.errors.RejectReason;

/** Why a decoded record is refused, in words that name the field and the value. */
public record Rejection(RejectReason reason, String message) {
}
