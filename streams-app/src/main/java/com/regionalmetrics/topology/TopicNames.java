package com.regionalmetrics.topology;

import java.util.List;

/**
 * The names of the app's own topics on one cluster: the base names of {@link Topics} behind a
 * prefix ({@code topics.prefix}, e.g. {@code staging.}), so that several environments can share a
 * cluster. The topology, the app, the CLI and the tests all resolve names here. Internal topics
 * (changelogs) are not covered: Kafka Streams names them after the application id.
 */
public record TopicNames(String prefix) {

  /** No prefix: the base names as they are. */
  public static final TopicNames DEFAULT = new TopicNames("");

  public TopicNames {
    prefix = prefix == null ? "" : prefix.strip();
    for (char c : prefix.toCharArray()) {
      if (!(Character.isLetterOrDigit(c) && c < 128) && c != '.' && c != '_' && c != '-') {
        throw new IllegalArgumentException(
            "topic prefix '"
                + prefix
                + "' may only contain ASCII letters, digits, '.', '_' and '-' (as topic names)");
      }
    }
  }

  /** A base name of {@link Topics} behind the prefix. */
  public String resolve(String baseName) {
    return prefix + baseName;
  }

  public String articlesText() {
    return resolve(Topics.ARTICLES_TEXT);
  }

  public String articles() {
    return resolve(Topics.ARTICLES);
  }

  public String metricEvents() {
    return resolve(Topics.METRIC_EVENTS);
  }

  public String indicatorChanges() {
    return resolve(Topics.INDICATOR_CHANGES);
  }

  public String articlesDlq() {
    return resolve(Topics.ARTICLES_DLQ);
  }

  /** Every topic the app owns, in the order of {@link Topics#ALL}. */
  public List<String> all() {
    return Topics.ALL.stream().map(this::resolve).toList();
  }
}
