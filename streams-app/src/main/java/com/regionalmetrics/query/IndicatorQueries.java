package com.regionalmetrics.query;

import com.regionalmetrics.article.MetricEventFactory;
import com.regionalmetrics.extract.IndicatorCatalog;
import com.regionalmetrics.extract.MeasureId;
import com.regionalmetrics.topology.Topics;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Answers questions about indicators from whichever instance holds them. A key lookup goes to the
 * partition's active instance — this one or another over HTTP — and falls back to standby replicas
 * (answers flagged stale) when the active one cannot answer. Listings fan out to every partition,
 * merge, sort by key and say when some partition could not be read.
 */
public final class IndicatorQueries {

  private final KafkaStreams streams;
  private final HostInfo self;
  private final int partitions;
  private final LocalStores local;
  private final StoreReader localReader;
  private final RemoteInstances remote;
  private final UnaryOperator<String> regionNames;
  private final Function<String, Optional<String>> catalogIds;
  private final String eventsTopic;
  private final KeyRouting routing;
  private final KnownOwners knownOwners;
  private final long maxLag;

  /** With the metric-events topic under its base name (no topics.prefix). */
  public IndicatorQueries(
      KafkaStreams streams,
      HostInfo self,
      int partitions,
      RemoteInstances remote,
      UnaryOperator<String> regionNames,
      Function<String, Optional<String>> catalogIds) {
    this(streams, self, partitions, remote, regionNames, catalogIds, Topics.METRIC_EVENTS);
  }

  /**
   * @param self this instance's application.server
   * @param partitions partition count of metric-events (= of the stores)
   * @param regionNames a region as users write it (张家口市, 130700) to its canonical name
   * @param catalogIds an indicator label or alias to its catalog id, when the catalog knows it
   * @param eventsTopic the metric-events topic as named on the cluster (its partitions are the
   *     stores' partitions)
   */
  public IndicatorQueries(
      KafkaStreams streams,
      HostInfo self,
      int partitions,
      RemoteInstances remote,
      UnaryOperator<String> regionNames,
      Function<String, Optional<String>> catalogIds,
      String eventsTopic) {
    this.eventsTopic = eventsTopic;
    this.streams = streams;
    this.self = self;
    this.partitions = partitions;
    this.local = new LocalStores(streams);
    this.localReader = local.reader();
    this.remote = remote;
    this.regionNames = regionNames;
    this.catalogIds = catalogIds;
    this.routing = new KeyRouting(streams, eventsTopic, partitions);
    this.knownOwners = new KnownOwners();
    this.maxLag = Staleness.ANY;
  }

  private IndicatorQueries(IndicatorQueries q, long maxLag) {
    this.streams = q.streams;
    this.self = q.self;
    this.partitions = q.partitions;
    this.local = q.local;
    this.localReader = q.localReader;
    this.remote = q.remote;
    this.regionNames = q.regionNames;
    this.catalogIds = q.catalogIds;
    this.eventsTopic = q.eventsTopic;
    this.routing = q.routing;
    this.knownOwners = q.knownOwners;
    this.maxLag = maxLag;
  }

  /**
   * These queries with standby copies answering only when their offset lag is at most maxLag
   * ({@link Staleness}); the active copy is asked first, as always.
   */
  public IndicatorQueries withMaxLag(long maxLag) {
    return maxLag == this.maxLag ? this : new IndicatorQueries(this, maxLag);
  }

  /**
   * To be called on every state change of the Kafka Streams instance (its state listener): the
   * partition assignment, and so where keys live, may have changed.
   */
  public void streamsStateChanged() {
    routing.invalidate();
  }

  public LocalStores local() {
    return local;
  }

  /** The value valid at asOf (the latest when null), with its provenance. */
  /** A region as users write it (張家口, 张家口市, 130700) by its canonical name. */
  public String canonicalRegion(String region) {
    return regionNames.apply(region);
  }

  public Answer<MetricEventView> latest(String region, String indicator, Instant asOf) {
    Answer<MetricEventView> current = resolve(region, indicator);
    if (asOf == null || !(current instanceof Answer.Found<MetricEventView> found)) {
      return current;
    }
    String key = KeyOrder.key(found.value());
    return routeKey(key, (reader, stale, p) -> reader.value(key, p, asOf, stale))
        .flatMap(
            v ->
                v == null
                    ? Answer.notFound(
                        "no value of " + indicator + " for " + region + " as of " + asOf)
                    : Answer.found(v));
  }

  /** Every value, oldest first, whose observation time lies in [from, to] (either may be null). */
  public Answer<List<MetricEventView>> history(
      String region, String indicator, Instant from, Instant to) {
    return resolve(region, indicator)
        .flatMap(
            current -> {
              String key = KeyOrder.key(current);
              Answer<List<MetricEventView>> all =
                  routeKey(key, (reader, stale, p) -> reader.history(key, p, stale));
              return all.map(
                  values ->
                      values == null
                          ? List.<MetricEventView>of()
                          : values.stream()
                              .filter(
                                  v -> {
                                    Instant t = Instant.parse(v.observedAt());
                                    return (from == null || !t.isBefore(from))
                                        && (to == null || !t.isAfter(to));
                                  })
                              .toList());
            });
  }

  /** All regions with indicators, by name. */
  public Answer<Listing<RegionSummary>> regions() {
    return regions(null, 0);
  }

  /**
   * Regions with indicators, by name: a page of at most limit (0: all) after the cursor, read from
   * the region-summary stores ({@link RegionListing}).
   *
   * @throws IllegalArgumentException for a cursor this listing did not return
   */
  public Answer<Listing<RegionSummary>> regions(String cursor, int limit) {
    return new RegionListing(this).regions(cursor, limit);
  }

  /** The latest value of each indicator of a region, by indicator id. */
  public Answer<Listing<MetricEventView>> indicatorsOf(String region) {
    return indicatorsOf(region, null);
  }

  /** Each indicator of a region as of a time (the latest when null), by indicator id. */
  public Answer<Listing<MetricEventView>> indicatorsOf(String region, Instant asOf) {
    String name = regionNames.apply(region);
    return fanOut(ScanRequest.region(name, asOf))
        .flatMap(
            listing ->
                listing.items().isEmpty() && !listing.partial()
                    ? Answer.notFound(
                        asOf == null
                            ? "unknown region (no indicators): " + region
                            : "no indicator of " + region + " has a value as of " + asOf)
                    : Answer.found(listing));
  }

  /**
   * Latest values across all regions matching q and category, a page of at most limit after the
   * cursor.
   */
  public Answer<Listing<MetricEventView>> search(
      String q, String category, int limit, String cursor) {
    String after = cursor == null || cursor.isBlank() ? null : SeriesCursors.decode(cursor);
    return fanOut(new ScanRequest(null, after, q, category, limit + 1))
        .map(
            listing -> {
              List<MetricEventView> items = listing.items();
              boolean more = items.size() > limit;
              List<MetricEventView> page = more ? items.subList(0, limit) : items;
              String next =
                  more ? SeriesCursors.encode(KeyOrder.key(page.get(page.size() - 1))) : null;
              return new Listing<>(
                  List.copyOf(page), listing.partial(), listing.missingPartitions(), next);
            });
  }

  /**
   * A cross-section: one measure's value in every region (of the request's regions, level or
   * parent) as of a time, ordered by value, one page ({@link CrossSections}).
   */
  public Answer<Listing<MetricEventView>> compare(CompareRequest request) {
    return new CrossSections(this, regionNames, catalogIds, partitions).compare(request);
  }

  /** Every instance of the job: where partitions live and how far behind each copy is. */
  public List<InstanceInfo> instances() {
    List<InstanceInfo> result = new ArrayList<>();
    for (StreamsMetadata md : streams.metadataForAllStreamsClients()) {
      List<Integer> active = storePartitions(md.topicPartitions());
      List<Integer> standby = storePartitions(md.standbyTopicPartitions());
      if (md.hostInfo().equals(self)) {
        result.add(
            new InstanceInfo(
                endpoint(self), true, local.state(), active, standby, local.lags(), null));
        continue;
      }
      try {
        var status = remote.status(md.hostInfo()).join();
        result.add(
            new InstanceInfo(
                endpoint(md.hostInfo()),
                false,
                status.state(),
                active,
                standby,
                status.lag(),
                null));
      } catch (RuntimeException e) {
        result.add(
            new InstanceInfo(
                endpoint(md.hostInfo()),
                false,
                "UNREACHABLE",
                active,
                standby,
                Map.of(),
                e.getCause() == null ? e.toString() : e.getCause().toString()));
      }
    }
    if (result.stream().noneMatch(InstanceInfo::self)) {
      result.add(
          new InstanceInfo(
              endpoint(self), true, local.state(), List.of(), List.of(), local.lags(), null));
    }
    result.sort(Comparator.comparing(InstanceInfo::host));
    return result;
  }

  /** Every claim of every article about one series, undated ones last. */
  public Answer<List<MetricEventView>> claims(String region, String indicator) {
    return resolve(region, indicator)
        .flatMap(
            current -> {
              String key = KeyOrder.key(current);
              return routeKey(key, (reader, stale, p) -> reader.claims(key, p, stale))
                  .map(values -> values == null ? List.<MetricEventView>of() : values);
            });
  }

  /** Every claim about one series key (region|measure) as stored, undated ones last. */
  public Answer<List<MetricEventView>> claimsOfKey(String key) {
    return routeKey(key, (reader, stale, p) -> reader.claims(key, p, stale))
        .map(values -> values == null ? List.<MetricEventView>of() : values);
  }

  /**
   * The latest value of the series an indicator name leads to: the name as a measure id; else the
   * region's series whose label is exactly that name (a level before its changes, the plainest
   * measure first); else the name's catalog id or derived id.
   */
  private Answer<MetricEventView> resolve(String region, String indicator) {
    String name = regionNames.apply(region);
    Answer<MetricEventView> unavailable = null;
    Answer<MetricEventView> byId = latestOf(name, indicator);
    if (byId instanceof Answer.Found<MetricEventView> f && f.value() != null) {
      return byId;
    }
    if (byId instanceof Answer.Unavailable<MetricEventView>) {
      unavailable = byId;
    }
    Answer<Listing<MetricEventView>> all = indicatorsOf(name);
    if (all instanceof Answer.Found<Listing<MetricEventView>> f) {
      Optional<MetricEventView> byLabel =
          f.value().items().stream()
              .filter(e -> e.indicatorLabel().equals(indicator))
              .min(
                  Comparator.comparing(
                          (MetricEventView e) -> MeasureId.parse(e.indicator()).kind() != null)
                      .thenComparing(e -> e.indicator().length()));
      if (byLabel.isPresent()) {
        // read it again by key: from the partition's owner, with every source of the value
        Answer<MetricEventView> byKey = latestOf(name, byLabel.get().indicator());
        return byKey instanceof Answer.Found<MetricEventView> k && k.value() != null
            ? byKey
            : new Answer.Found<>(byLabel.get(), f.servedBy(), f.stale(), f.lag());
      }
      if (f.value().partial() && unavailable == null) {
        unavailable =
            Answer.unavailable(
                "partitions " + f.value().missingPartitions() + " cannot be read now");
      }
    } else if (all instanceof Answer.Unavailable<Listing<MetricEventView>> u) {
      unavailable = Answer.unavailable(u.message());
    }
    Set<String> ids = new LinkedHashSet<>();
    catalogIds.apply(indicator).ifPresent(ids::add);
    ids.add(IndicatorCatalog.derivedId(indicator));
    ids.remove(indicator);
    for (String id : ids) {
      Answer<MetricEventView> r = latestOf(name, id);
      if (r instanceof Answer.Found<MetricEventView> f && f.value() != null) {
        return r;
      }
      if (r instanceof Answer.Unavailable<MetricEventView>) {
        unavailable = r;
      }
    }
    // never a wrong "not found": if some copy could not answer, say so
    return unavailable != null
        ? unavailable
        : Answer.notFound(
            all instanceof Answer.NotFound<?> n
                ? n.message()
                : "unknown indicator " + indicator + " for region " + name);
  }

  private Answer<MetricEventView> latestOf(String region, String measure) {
    String key = MetricEventFactory.key(region, measure);
    return routeKey(key, (reader, stale, p) -> reader.value(key, p, null, stale));
  }

  /** One read of one key from the stores of some instance. */
  @FunctionalInterface
  private interface KeyRead<T> {
    CompletableFuture<LocalRead<T>> on(StoreReader reader, boolean allowStale, int partition);
  }

  /** This instance's own stores, or another's over HTTP: the one place that tells them apart. */
  private StoreReader readerOn(HostInfo host) {
    return host.equals(self) ? localReader : remote.reader(host);
  }

  /** Active instance first, then each standby (stale); the first definite answer wins. */
  private <T> Answer<T> routeKey(String key, KeyRead<T> read) {
    if (!queryable()) {
      return Answer.unavailable("instance is " + streams.state() + ", not queryable yet");
    }
    int partition = routing.partition(key);
    KeyRouting.Copies copies = routing.copies(partition);
    List<HostInfo> hosts;
    boolean rebalancing = copies.active() == null;
    if (rebalancing) {
      // a rebalance in flight: ask the partition's last known holders, every answer stale
      Optional<List<HostInfo>> known = knownOwners.lastKnown(partition);
      if (known.isEmpty()) {
        return Answer.unavailable("no instance owns the key yet (rebalancing)");
      }
      hosts = known.get();
    } else {
      knownOwners.remember(partition, copies.all());
      hosts = copies.all();
    }
    String why = "no copy of partition " + partition + " could answer";
    for (int i = 0; i < hosts.size(); i++) {
      HostInfo host = hosts.get(i);
      boolean stale = rebalancing || i > 0;
      LocalRead<T> r = read.on(readerOn(host), stale, partition).join();
      if (r.status() == LocalRead.Status.UNAVAILABLE) {
        why = r.message();
      } else if (stale
          && r.status() == LocalRead.Status.ABSENT
          && !Staleness.provesAbsence(r.lag())) {
        // a copy just created by a rebalance (or still catching up) holds nothing yet: its
        // "nothing" would be a wrong 404 for a key that exists (ForwardedReadsRestartIT)
        why =
            "the copy of partition "
                + partition
                + " on "
                + endpoint(host)
                + " found nothing but "
                + (r.lag() == null ? "its lag is not known" : "lags " + r.lag() + " offsets");
      } else if (stale && !Staleness.within(r.lag(), maxLag)) {
        why =
            "the copy of partition "
                + partition
                + " on "
                + endpoint(host)
                + (r.lag() == null ? " has no known lag" : " lags " + r.lag() + " offsets")
                + ", more than maxLag="
                + maxLag;
      } else {
        return new Answer.Found<>(
            r.status() == LocalRead.Status.FOUND ? r.value() : null,
            endpoint(host),
            stale,
            r.lag());
      }
    }
    return Answer.unavailable(why);
  }

  /** Asks each partition's active instance, then standbys for what failed; merges in key order. */
  private Answer<Listing<MetricEventView>> fanOut(ScanRequest request) {
    Answer<Listing<MetricEventView>> all =
        fanOut((reader, parts, allowStale) -> reader.scan(parts, request, allowStale));
    if (all instanceof Answer.Found<Listing<MetricEventView>> f) {
      f.value().items().sort(Comparator.comparing(KeyOrder::key, KeyOrder.CODE_POINTS));
    }
    return all;
  }

  /** One read of some partitions from the stores of some instance. */
  @FunctionalInterface
  interface PartitionsRead {
    CompletableFuture<ScanResult> on(StoreReader reader, Set<Integer> parts, boolean allowStale);
  }

  /** The fan-out: every partition from its active copy, then standbys; merged, unordered. */
  Answer<Listing<MetricEventView>> fanOut(PartitionsRead read) {
    return gather(read::on, e -> KeyRouting.partitionOf(KeyOrder.key(e), partitions))
        .map(g -> new Listing<>(g.rows(), !g.missing().isEmpty(), g.missing(), null));
  }

  /**
   * Every partition's rows ({@link FanOut}), answered by this instance: stale when some standby
   * answered, with the largest lag of the copies read.
   */
  <T, R extends FanOut.Reply<T>> Answer<FanOut.Gathered<T>> gather(
      FanOut.Read<R> read, java.util.function.ToIntFunction<T> partitionOf) {
    if (!queryable()) {
      return Answer.unavailable("instance is " + streams.state() + ", not queryable yet");
    }
    FanOut.Gathered<T> g =
        FanOut.gather(partitions, owners(), this::readerOn, read, partitionOf, maxLag);
    return new Answer.Found<>(g, endpoint(self), g.stale(), g.lag());
  }

  /** For each store partition, the instances holding it: the active one first, then standbys. */
  private Map<Integer, List<HostInfo>> owners() {
    Map<Integer, List<HostInfo>> owners = new HashMap<>();
    routing.owners().forEach((p, copies) -> owners.put(p, copies.all()));
    return owners;
  }

  private List<Integer> storePartitions(Set<TopicPartition> topicPartitions) {
    return topicPartitions.stream()
        .filter(tp -> tp.topic().equals(eventsTopic))
        .map(TopicPartition::partition)
        .sorted()
        .toList();
  }

  private static String endpoint(HostInfo host) {
    return host.host() + ":" + host.port();
  }

  private boolean queryable() {
    KafkaStreams.State s = streams.state();
    return s == KafkaStreams.State.RUNNING || s == KafkaStreams.State.REBALANCING;
  }
}
