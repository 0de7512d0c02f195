package com.regionalmetrics.query;

/** The answer of one instance's own store: a value, a definite "no such key", or "cannot say". */
public record LocalRead<T>(Status status, T value, String message) {
  public enum Status {
    FOUND,
    ABSENT,
    UNAVAILABLE
  }

  public static <T> LocalRead<T> found(T value) {
    return new LocalRead<>(Status.FOUND, value, null);
  }

  public static <T> LocalRead<T> absent() {
    return new LocalRead<>(Status.ABSENT, null, null);
  }

  public static <T> LocalRead<T> unavailable(String message) {
    return new LocalRead<>(Status.UNAVAILABLE, null, message);
  }
}
