package com.regionalmetrics.topology;

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
 * articles-text --normalize--> articles --extract--> metric-events --index--> indicator-history (versioned)
 *                    \                        \                          \--> indicator-latest
 *                     `-----------------------`--> articles-dlq            `--> indicator-changes
 * </pre>
 */
public final class RegionalMetricsTopology {

  /** Settings of the topology; the defaults suit real articles. */
  public record Settings(Duration historyRetention, int maxArticleBytes) {
    /** 100 years of history: articles quote values from decades ago. */
    public static Settings defaults() {
      return new Settings(Duration.ofDays(365L * 100), 1 << 20);
    }
  }

  /**
   * Topic configs that keep records stamped years in the past (observation time): no
   * time-based deletion, no rejection by the broker's timestamp bounds.
   */
  public static final Map<String, String> OLD_TIMESTAMP_TOPIC_CONFIGS = Map.of(
      "message.timestamp.before.max.ms", Long.toString(Long.MAX_VALUE),
      "message.timestamp.after.max.ms", Long.toString(Duration.ofDays(2).toMillis()));

  private RegionalMetricsTopology() {}

  public static Topology build(Serde<Article> articleSerde, Serde<MetricEvent> eventSerde,
      Function<Article, List<Observation>> extractor, Clock clock, Settings settings) {
    return build(articleSerde, eventSerde, extractor, clock, settings, PipelineMetrics.NOOP);
  }

  /** As above, reporting articles read, events emitted, dead letters and extraction time to {@code metrics}. */
  public static Topology build(Serde<Article> articleSerde, Serde<MetricEvent> eventSerde,
      Function<Article, List<Observation>> extractor, Clock clock, Settings settings, PipelineMetrics metrics) {
    var bytes = new ByteArrayDeserializer();
    var bytesOut = new ByteArraySerializer();
    Topology topology = new Topology();

    topology.addSource("articles-text-source", bytes, bytes, Topics.ARTICLES_TEXT)
        .addProcessor("normalize", () -> new TextArticleNormalizer(settings.maxArticleBytes(), metrics), "articles-text-source")
        .addSink(TextArticleNormalizer.ARTICLES_SINK, Topics.ARTICLES, new StringSerializer(), articleSerde.serializer(), "normalize");

    MetricEventFactory factory = new MetricEventFactory(clock);
    topology.addSource("articles-source", bytes, bytes, Topics.ARTICLES)
        .addProcessor("extract", () -> new ExtractProcessor(articleSerde.deserializer(), extractor, factory,
            settings.maxArticleBytes(), metrics), "articles-source")
        .addStateStore(Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(StoreNames.ARTICLE_DIGESTS), Serdes.String(), Serdes.String()), "extract")
        .addSink(ExtractProcessor.EVENTS_SINK, Topics.METRIC_EVENTS, new StringSerializer(), eventSerde.serializer(), "extract")
        .addSink(DeadLetters.DLQ_SINK, Topics.ARTICLES_DLQ, bytesOut, bytesOut, "normalize", "extract");

    // A segment interval longer than the retained span keeps history in one segment: it
    // avoids the multi-segment MultiVersionedKeyQuery bug (notes/kafka.md) and costs nothing here.
    Duration segment = settings.historyRetention().multipliedBy(2);
    topology.addSource("metric-events-source", new StringDeserializer(), eventSerde.deserializer(), Topics.METRIC_EVENTS)
        .addProcessor("index", IndicatorIndexProcessor::new, "metric-events-source")
        .addStateStore(Stores.versionedKeyValueStoreBuilder(
                Stores.persistentVersionedKeyValueStore(StoreNames.INDICATOR_HISTORY, settings.historyRetention(), segment),
                Serdes.String(), eventSerde)
            .withLoggingEnabled(OLD_TIMESTAMP_TOPIC_CONFIGS), "index")
        .addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(StoreNames.INDICATOR_LATEST), Serdes.String(), eventSerde)
            .withLoggingEnabled(OLD_TIMESTAMP_TOPIC_CONFIGS), "index")
        .addSink(IndicatorIndexProcessor.CHANGES_SINK, Topics.INDICATOR_CHANGES, new StringSerializer(), eventSerde.serializer(), "index");
    return topology;
  }
}
