package com.regionalmetrics.query;

import java.util.function.Function;

/**
 * What an interactive query found: a value (here or on another instance), nothing, or no answer
 * yet.
 */
public sealed interface Answer<T> {

  /**
   * @param servedBy host:port of the instance whose store answered; stale when read from a standby
   * @param lag offset lag of the copy that answered (of a listing: the largest of the copies read);
   *     null when not known
   */
  record Found<T>(T value, String servedBy, boolean stale, Long lag) implements Answer<T> {
    public Found(T value, String servedBy, boolean stale) {
      this(value, servedBy, stale, null);
    }
  }

  record NotFound<T>(String message) implements Answer<T> {}

  /**
   * The store cannot answer now (starting, rebalancing, restoring); ask again after
   * retryAfterSeconds.
   */
  record Unavailable<T>(String message, int retryAfterSeconds) implements Answer<T> {}

  static <T> Answer<T> notFound(String message) {
    return new NotFound<>(message);
  }

  static <T> Answer<T> unavailable(String message) {
    return new Unavailable<>(message, 1);
  }

  /**
   * A value found by this instance; flatMap carries servedBy and stale over from the outer result.
   */
  static <T> Answer<T> found(T value) {
    return new Found<>(value, null, false);
  }

  default <R> Answer<R> map(Function<T, R> f) {
    return flatMap(v -> found(f.apply(v)));
  }

  default <R> Answer<R> flatMap(Function<T, Answer<R>> f) {
    if (this instanceof Found<T> outer) {
      Answer<R> inner = f.apply(outer.value());
      if (inner instanceof Found<R> in && in.servedBy() == null) {
        return new Found<>(in.value(), outer.servedBy(), outer.stale(), outer.lag());
      }
      return inner;
    }
    if (this instanceof Unavailable<T> u) {
      return new Unavailable<>(u.message(), u.retryAfterSeconds());
    }
    return new NotFound<>(((NotFound<T>) this).message());
  }
}
