package com.regionalmetrics.extract;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Test helpers: extract a sentence as of a publication date, and pick observations by value and
 * unit.
 */
final class ExtractedObservations {
  private static final Extractor EX = Extractor.strict();

  private ExtractedObservations() {}

  static List<Observation> run(String text, String published) {
    Instant pub =
        published == null
            ? null
            : LocalDate.parse(published).atTime(10, 0).atZone(Period.ZONE).toInstant();
    return EX.extract(text, pub, null);
  }

  static Optional<Observation> find(List<Observation> obs, double value, String unit) {
    return all(obs, value, unit).stream().findFirst();
  }

  static Observation one(List<Observation> obs, double value, String unit) {
    return find(obs, value, unit)
        .orElseThrow(() -> new AssertionError("no " + value + " " + unit + " in " + obs));
  }

  static List<Observation> all(List<Observation> obs, double value, String unit) {
    return obs.stream()
        .filter(
            o -> Math.abs(o.value() - value) < 1e-6 * Math.max(1, value) && o.unit().equals(unit))
        .toList();
  }
}
