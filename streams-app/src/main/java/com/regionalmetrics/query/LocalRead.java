package com.regionalmetrics.query;

/**
 * The answer of one instance's own store: a value, a definite "no such key", or "cannot say"; with
 * the offset lag of the copy that answered, when known.
 */
public record LocalRead<T>(Status status, T value, String message, Long lag) {
  public enum Status {
    FOUND,
    ABSENT,
    UNAVAILABLE
  }

  public static <T> LocalRead<T> found(T value) {
    return new LocalRead<>(Status.FOUND, value, null, null);
  }

  public static <T> LocalRead<T> absent() {
    return new LocalRead<>(Status.ABSENT, null, null, null);
  }

  public static <T> LocalRead<T> unavailable(String message) {
    return new LocalRead<>(Status.UNAVAILABLE, null, message, null);
  }

  /** This answer, read from a copy with the given offset lag. */
  LocalRead<T> withLag(Long lag) {
    return new LocalRead<>(status, value, message, lag);
  }
}
