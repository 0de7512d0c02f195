package com.regionalmetrics.app;

import java.util.List;

/** topics.create=false and some of the app's topics do not exist: the app cannot start. */
public final class MissingTopicsException extends IllegalStateException {
  private final List<String> missing;

  MissingTopicsException(List<String> missing) {
    super(
        "topics.create=false but "
            + missing.size()
            + " of the app's topics do not exist: "
            + String.join(", ", missing)
            + ". Create them (partitions and configs: docs/kafka-acls.md), or set topics.create=true"
            + " and grant CREATE to let the app create them.");
    this.missing = List.copyOf(missing);
  }

  public List<String> missing() {
    return missing;
  }
}
