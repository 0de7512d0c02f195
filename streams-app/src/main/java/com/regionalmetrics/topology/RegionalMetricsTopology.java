package com.regionalmetrics.topology;

import com.regionalmetrics.article.MetricEventFactory;
import com.regionalmetrics.avro.Article;
import com.regionalmetrics.avro.MetricEvent;
import com.regionalmetrics.extract.Observation;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.Stores;

/**
 * The whole pipeline as a pure function of serdes, extractor and settings (no I/O, no threads):
 *
 * <pre>
 * articles-text --normalize--> articles --extract--> metric-events --index--> indicator-claims
 *                    \                 (article-state) \                         \--> indicator-latest
 *                     `-----------------------`--> articles-dlq            |--> indicator-changes
 *                                                                             `--> region-summary
 * </pre>
 */
public final class RegionalMetricsTopology {

  /**
   * Settings of the topology; the defaults suit real articles.
   *
   * @param topics the names of the app's topics (a prefix per environment)
   */
  public record Settings(int maxArticleBytes, TopicNames topics) {
    public Settings {
      topics = topics == null ? TopicNames.DEFAULT : topics;
    }

    /** With the topic names as they are (no prefix). */
    public Settings(int maxArticleBytes) {
      this(maxArticleBytes, TopicNames.DEFAULT);
    }

    public static Settings defaults() {
      return new Settings(1 << 20);
    }
  }

  /**
   * Topic configs that keep records stamped years in the past (observation time): no time-based
   * deletion, no rejection by the broker's timestamp bounds.
   */
  public static final Map<String, String> OLD_TIMESTAMP_TOPIC_CONFIGS =
      Map.of(
          "message.timestamp.before.max.ms", Long.toString(Long.MAX_VALUE),
          "message.timestamp.after.max.ms", Long.toString(Duration.ofDays(2).toMillis()));

  private RegionalMetricsTopology() {}

  public static Topology build(
      TopologySerdes serdes,
      Function<Article, List<Observation>> extractor,
      Clock clock,
      Settings settings) {
    return build(serdes, extractor, clock, settings, PipelineMetrics.NOOP);
  }

  /**
   * As above, reporting articles read, events emitted, dead letters and extraction time to {@code
   * metrics}.
   */
  public static Topology build(
      TopologySerdes serdes,
      Function<Article, List<Observation>> extractor,
      Clock clock,
      Settings settings,
      PipelineMetrics metrics) {
    var bytes = new ByteArrayDeserializer();
    var bytesOut = new ByteArraySerializer();
    Serde<MetricEvent> eventSerde = serdes.events();
    TopicNames topics = settings.topics();
    Topology topology = new Topology();

    topology
        .addSource("articles-text-source", bytes, bytes, topics.articlesText())
        .addProcessor(
            "normalize",
            () -> new TextArticleNormalizer(settings.maxArticleBytes(), metrics),
            "articles-text-source")
        .addSink(
            TextArticleNormalizer.ARTICLES_SINK,
            topics.articles(),
            new StringSerializer(),
            serdes.articles().serializer(),
            "normalize");

    MetricEventFactory factory = new MetricEventFactory(clock);
    topology
        .addSource("articles-source", bytes, bytes, topics.articles())
        .addProcessor(
            "extract",
            () ->
                new ExtractProcessor(
                    serdes.articles().deserializer(),
                    extractor,
                    factory,
                    settings.maxArticleBytes(),
                    metrics,
                    topics.articles()),
            "articles-source")
        .addStateStore(
            Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(StoreNames.ARTICLE_STATE),
                Serdes.String(),
                serdes.articleStates()),
            "extract")
        .addSink(
            ExtractProcessor.EVENTS_SINK,
            topics.metricEvents(),
            new StringSerializer(),
            eventSerde.serializer(),
            "extract")
        .addSink(
            DeadLetters.DLQ_SINK, topics.articlesDlq(), bytesOut, bytesOut, "normalize", "extract");

    topology
        .addSource(
            "metric-events-source",
            new StringDeserializer(),
            eventSerde.deserializer(),
            topics.metricEvents())
        .addProcessor("index", ClaimsIndexProcessor::new, "metric-events-source")
        .addStateStore(
            Stores.keyValueStoreBuilder(
                    Stores.persistentKeyValueStore(StoreNames.INDICATOR_CLAIMS),
                    Serdes.String(),
                    serdes.claims())
                .withLoggingEnabled(OLD_TIMESTAMP_TOPIC_CONFIGS),
            "index")
        .addStateStore(
            Stores.keyValueStoreBuilder(
                    Stores.persistentKeyValueStore(StoreNames.INDICATOR_LATEST),
                    Serdes.String(),
                    eventSerde)
                .withLoggingEnabled(OLD_TIMESTAMP_TOPIC_CONFIGS),
            "index")
        .addStateStore(
            Stores.keyValueStoreBuilder(
                    Stores.persistentKeyValueStore(StoreNames.REGION_SUMMARY),
                    Serdes.String(),
                    serdes.regionTotals())
                .withLoggingEnabled(OLD_TIMESTAMP_TOPIC_CONFIGS),
            "index")
        .addSink(
            ClaimsIndexProcessor.CHANGES_SINK,
            topics.indicatorChanges(),
            new StringSerializer(),
            eventSerde.serializer(),
            "index");
    return topology;
  }
}
