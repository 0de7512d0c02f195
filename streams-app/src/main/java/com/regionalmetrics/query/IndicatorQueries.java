package com.regionalmetrics.query;

import com.regionalmetrics.avro.MetricEvent;
import com.regionalmetrics.topology.MetricEventFactory;
import com.regionalmetrics.topology.StoreNames;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.query.KeyQuery;
import org.apache.kafka.streams.query.MultiVersionedKeyQuery;
import org.apache.kafka.streams.query.Query;
import org.apache.kafka.streams.query.RangeQuery;
import org.apache.kafka.streams.query.StateQueryRequest;
import org.apache.kafka.streams.query.StateQueryResult;
import org.apache.kafka.streams.query.VersionedKeyQuery;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.VersionedRecord;
import org.apache.kafka.streams.state.VersionedRecordIterator;

/**
 * Interactive queries over the indicator stores with IQv2: the latest value (or the value as of
 * an instant) from the versioned store, the history, and listings from the latest store.
 * Regions may be given by any name the gazetteer knows; indicators by catalog id or label.
 */
public final class IndicatorQueries {
  private static final Serializer<String> KEYS = new StringSerializer();

  private final KafkaStreams streams;
  private final String self;
  private final UnaryOperator<String> regionNames;

  /**
   * @param self        host:port this instance serves HTTP on (its application.server)
   * @param regionNames maps a region as users write it (张家口市, 130700) to its canonical name
   */
  public IndicatorQueries(KafkaStreams streams, String self, UnaryOperator<String> regionNames) {
    this.streams = streams;
    this.self = self;
    this.regionNames = regionNames;
  }

  /** The value valid at asOf (the latest when asOf is null), with its provenance. */
  public QueryResult<MetricEvent> latest(String region, String indicator, Instant asOf) {
    return resolveKey(region, indicator).flatMap(key -> {
      VersionedKeyQuery<String, MetricEvent> query = VersionedKeyQuery.withKey(key);
      if (asOf != null) {
        query = query.asOf(asOf);
      }
      return onKey(StoreNames.INDICATOR_HISTORY, key, query).flatMap(v -> v == null
          ? QueryResult.notFound("no value of " + indicator + " for " + region + (asOf == null ? "" : " as of " + asOf))
          : QueryResult.found(v.value()));
    });
  }

  /** Every value in time order whose observation time lies in [from, to] (either may be null). */
  public QueryResult<List<MetricEvent>> history(String region, String indicator, Instant from, Instant to) {
    return resolveKey(region, indicator).flatMap(key -> {
      // no time bounds on the query itself: the store returns versions *valid* in a range, while
      // users ask for values *observed* in it; filtering here is exact and cheap
      var query = MultiVersionedKeyQuery.<String, MetricEvent>withKey(key).withAscendingTimestamps();
      QueryResult<VersionedRecordIterator<MetricEvent>> r = onKey(StoreNames.INDICATOR_HISTORY, key, query);
      if (!(r instanceof QueryResult.Found<VersionedRecordIterator<MetricEvent>> f)) {
        return r instanceof QueryResult.Unavailable<VersionedRecordIterator<MetricEvent>> u
            ? new QueryResult.Unavailable<>(u.message(), u.retryAfterSeconds())
            : QueryResult.notFound("no history of " + indicator + " for " + region);
      }
      List<MetricEvent> values = new ArrayList<>();
      try (VersionedRecordIterator<MetricEvent> it = f.value()) {
        while (it.hasNext()) {
          VersionedRecord<MetricEvent> v = it.next();
          Instant t = Instant.ofEpochMilli(v.timestamp());
          if ((from == null || !t.isBefore(from)) && (to == null || !t.isAfter(to))) {
            values.add(v.value());
          }
        }
      }
      return new QueryResult.Found<>(values, f.servedBy(), f.stale());
    });
  }

  /** All regions with indicators, by name. */
  public QueryResult<List<RegionSummary>> regions() {
    return scan(RangeQuery.withNoBounds()).map(events -> {
      Map<String, List<MetricEvent>> byRegion = new TreeMap<>();
      events.forEach(e -> byRegion.computeIfAbsent(e.getRegion(), k -> new ArrayList<>()).add(e));
      return byRegion.values().stream().map(list -> new RegionSummary(
          list.get(0).getRegion(), list.get(0).getRegionCode(), list.size(),
          list.stream().map(MetricEvent::getObservedAt).max(Comparator.naturalOrder()).map(Instant::toString).orElse(null)))
          .toList();
    });
  }

  /** The latest value of each indicator of a region, by indicator id. */
  public QueryResult<List<MetricEvent>> indicatorsOf(String region) {
    String name = regionNames.apply(region);
    QueryResult<List<MetricEvent>> r = scan(RangeQuery.withRange(name + "|", name + "}"));
    if (r instanceof QueryResult.Found<List<MetricEvent>> f && f.value().isEmpty()) {
      return QueryResult.notFound("unknown region (no indicators): " + region);
    }
    return r.map(list -> list.stream().sorted(Comparator.comparing(MetricEvent::getIndicator)).toList());
  }

  private QueryResult<String> resolveKey(String region, String indicator) {
    String name = regionNames.apply(region);
    String key = MetricEventFactory.key(name, indicator);
    QueryResult<MetricEvent> direct = onKey(StoreNames.INDICATOR_LATEST, key, KeyQuery.<String, MetricEvent>withKey(key));
    if (direct instanceof QueryResult.Unavailable<MetricEvent> u) {
      return new QueryResult.Unavailable<>(u.message(), u.retryAfterSeconds());
    }
    if (direct instanceof QueryResult.Found<MetricEvent> f && f.value() != null) {
      return new QueryResult.Found<>(key, f.servedBy(), f.stale());
    }
    // not an id: look for the indicator by its label among the region's indicators
    QueryResult<List<MetricEvent>> all = indicatorsOf(name);
    if (!(all instanceof QueryResult.Found<List<MetricEvent>> f)) {
      return all.map(x -> key);
    }
    return f.value().stream()
        .filter(e -> e.getIndicatorLabel().equals(indicator) || e.getIndicator().equals("x." + indicator))
        .findFirst()
        .<QueryResult<String>>map(e -> new QueryResult.Found<>(MetricEventFactory.key(name, e.getIndicator()), f.servedBy(), f.stale()))
        .orElseGet(() -> QueryResult.notFound("unknown indicator " + indicator + " for region " + name));
  }

  private <R> QueryResult<R> onKey(String store, String key, Query<R> query) {
    if (!queryable()) {
      return QueryResult.unavailable("streams are " + streams.state() + ", not queryable yet");
    }
    KeyQueryMetadata md = streams.queryMetadataForKey(store, key, KEYS);
    if (md == null || KeyQueryMetadata.NOT_AVAILABLE.equals(md)) {
      return QueryResult.unavailable("store " + store + " has no owner for the key yet (rebalancing)");
    }
    int partition = md.partition();
    StateQueryResult<R> result = streams.query(StateQueryRequest.inStore(store).withQuery(query).withPartitions(Set.of(partition)));
    var pr = result.getPartitionResults().get(partition);
    if (pr == null || pr.isFailure()) {
      return QueryResult.unavailable(pr == null ? "partition " + partition + " of " + store + " is not hosted here"
          : pr.getFailureReason() + ": " + pr.getFailureMessage());
    }
    boolean stale = !md.activeHost().toString().equals(self) && md.activeHost().port() != -1 && !isSelf(md);
    return new QueryResult.Found<>(pr.getResult(), self, stale);
  }

  private boolean isSelf(KeyQueryMetadata md) {
    return (md.activeHost().host() + ":" + md.activeHost().port()).equals(self);
  }

  private QueryResult<List<MetricEvent>> scan(RangeQuery<String, MetricEvent> query) {
    if (!queryable()) {
      return QueryResult.unavailable("streams are " + streams.state() + ", not queryable yet");
    }
    StateQueryResult<KeyValueIterator<String, MetricEvent>> result =
        streams.query(StateQueryRequest.inStore(StoreNames.INDICATOR_LATEST).withQuery(query));
    List<MetricEvent> events = new ArrayList<>();
    for (var pr : result.getPartitionResults().values()) {
      if (pr.isFailure()) {
        return QueryResult.unavailable(pr.getFailureReason() + ": " + pr.getFailureMessage());
      }
      try (KeyValueIterator<String, MetricEvent> it = pr.getResult()) {
        it.forEachRemaining((KeyValue<String, MetricEvent> kv) -> events.add(kv.value));
      }
    }
    return new QueryResult.Found<>(events, self, false);
  }

  private boolean queryable() {
    return streams.state() == KafkaStreams.State.RUNNING || streams.state() == KafkaStreams.State.REBALANCING;
  }
}
