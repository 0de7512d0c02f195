package com.regionalmetrics.app;

import com.regionalmetrics.avro.Article;
import com.regionalmetrics.avro.ArticleState;
import com.regionalmetrics.avro.MetricEvent;
import com.regionalmetrics.avro.PeriodClaims;
import com.regionalmetrics.avro.RegionTotals;
import com.regionalmetrics.topology.StoreNames;
import com.regionalmetrics.topology.TopicNames;
import java.util.List;
import org.apache.avro.Schema;

/**
 * Every Avro schema the app writes, with the topic it writes it to (as record values; keys are
 * strings): its own topics and the changelogs of its stores, which Kafka Streams names {@code
 * <application.id>-<store>-changelog} and whose records the store serdes write under that name.
 * {@code schemas register} registers these, {@code schemas check} and the start with {@code
 * auto.register.schemas=false} check them.
 */
final class SchemaInventory {
  private SchemaInventory() {}

  /** One schema written to one topic. */
  record Written(String topic, Schema schema) {}

  static List<Written> of(TopicNames topics, String applicationId) {
    return List.of(
        new Written(topics.articles(), Article.getClassSchema()),
        new Written(topics.metricEvents(), MetricEvent.getClassSchema()),
        new Written(topics.indicatorChanges(), MetricEvent.getClassSchema()),
        new Written(
            changelog(applicationId, StoreNames.ARTICLE_STATE), ArticleState.getClassSchema()),
        new Written(
            changelog(applicationId, StoreNames.INDICATOR_CLAIMS), PeriodClaims.getClassSchema()),
        new Written(
            changelog(applicationId, StoreNames.INDICATOR_LATEST), MetricEvent.getClassSchema()),
        new Written(
            changelog(applicationId, StoreNames.REGION_SUMMARY), RegionTotals.getClassSchema()));
  }

  /** Kafka Streams' name of a store's changelog topic. */
  static String changelog(String applicationId, String store) {
    return applicationId + "-" + store + "-changelog";
  }
}
