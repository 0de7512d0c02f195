package com.regionalmetrics.serde;

import java.util.Locale;

/**
 * Confluent's compatibility levels. BACKWARD: the new schema can read data written with the
 * previous one.
 */
public enum CompatibilityLevel {
  NONE,
  BACKWARD,
  BACKWARD_TRANSITIVE,
  FORWARD,
  FORWARD_TRANSITIVE,
  FULL,
  FULL_TRANSITIVE;

  public static CompatibilityLevel parse(String s) {
    try {
      return valueOf(s.trim().toUpperCase(Locale.ROOT));
    } catch (RuntimeException e) {
      throw new SchemaRegistryException(
          422,
          SchemaRegistryException.INVALID_COMPATIBILITY_LEVEL,
          "Invalid compatibility level: " + s);
    }
  }

  boolean transitive() {
    return name().endsWith("_TRANSITIVE");
  }

  boolean checksBackward() {
    return this == BACKWARD
        || this == BACKWARD_TRANSITIVE
        || this == FULL
        || this == FULL_TRANSITIVE;
  }

  boolean checksForward() {
    return this == FORWARD || this == FORWARD_TRANSITIVE || this == FULL || this == FULL_TRANSITIVE;
  }
}
