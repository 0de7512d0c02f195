package com.regionalmetrics.query;

import com.regionalmetrics.topology.StoreNames;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.state.HostInfo;

/**
 * What happened to an article, from the article-state store (routed like any key: the partition's
 * active copy, then standbys), the claims stores and the dead-letter index. "processed" means
 * queryable: the version asked about is in article-state and every claim it made is in the claims
 * store; until then it is "pending".
 */
public final class ArticleStatuses {
  private static final StringSerializer KEYS = new StringSerializer();
  private static final int REMEMBERED = 10_000;

  private final KafkaStreams streams;
  private final HostInfo self;
  private final IndicatorQueries queries;
  private final RemoteInstances remote;
  private final DeadLetterIndex deadLetters;

  /** Articles posted through this instance (most recent last): what their version is. */
  private final Map<String, Posted> posted =
      Collections.synchronizedMap(
          new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Posted> eldest) {
              return size() > REMEMBERED;
            }
          });

  /** A version of an article written through this instance. */
  public record Posted(String digest, ArticleStatus.Receipt receipt) {}

  public ArticleStatuses(
      KafkaStreams streams,
      HostInfo self,
      IndicatorQueries queries,
      RemoteInstances remote,
      DeadLetterIndex deadLetters) {
    this.streams = streams;
    this.self = self;
    this.queries = queries;
    this.remote = remote;
    this.deadLetters = deadLetters;
  }

  /** Remembers a version posted here, so that its status can tell it from an older one. */
  public void posted(String id, Posted version) {
    posted.put(id, version);
  }

  /** The status of an article (of the version last posted here, when there is one). */
  public Answer<ArticleStatus> status(String id) {
    Posted version = posted.get(id);
    ArticleStatus.Receipt receipt = version == null ? null : version.receipt();
    Optional<DeadLetterIndex.DeadLetter> dead =
        receipt == null
            ? deadLetters.byId(id)
            : deadLetters.bySource(receipt.topic(), receipt.partition(), receipt.offset());
    if (receipt != null && dead.isPresent()) {
      return Answer.found(ArticleStatus.deadLettered(id, receipt, dead.get()));
    }
    Answer<ArticleStateView> state = state(id);
    if (!(state instanceof Answer.Found<ArticleStateView> found)) {
      return Answer.unavailable(((Answer.Unavailable<ArticleStateView>) state).message());
    }
    ArticleStateView view = found.value();
    if (view != null && (version == null || view.digest().equals(version.digest()))) {
      Answer<Boolean> indexed = indexed(view);
      if (indexed instanceof Answer.Unavailable<Boolean> u) {
        return Answer.unavailable(u.message());
      }
      return Answer.found(
          ((Answer.Found<Boolean>) indexed).value()
              ? ArticleStatus.processed(id, receipt, view)
              : ArticleStatus.pending(id, receipt, "extracted; its claims are being indexed"));
    }
    if (receipt == null && dead.isPresent()) {
      return Answer.found(ArticleStatus.deadLettered(id, null, dead.get()));
    }
    if (version != null) {
      return Answer.found(ArticleStatus.pending(id, receipt, "not processed yet"));
    }
    return Answer.notFound(
        "no article "
            + id
            + " was processed or dead-lettered (one posted to another instance a moment ago may"
            + " still be pending)");
  }

  /** The article-state entry of an id (Found with null when there is none). */
  private Answer<ArticleStateView> state(String id) {
    KafkaStreams.State s = streams.state();
    if (s != KafkaStreams.State.RUNNING && s != KafkaStreams.State.REBALANCING) {
      return Answer.unavailable("instance is " + s + ", not queryable yet");
    }
    KeyQueryMetadata md = streams.queryMetadataForKey(StoreNames.ARTICLE_STATE, id, KEYS);
    if (md == null || KeyQueryMetadata.NOT_AVAILABLE.equals(md) || md.activeHost().port() < 0) {
      return Answer.unavailable("no instance owns the article yet (rebalancing)");
    }
    List<HostInfo> hosts = new ArrayList<>();
    hosts.add(md.activeHost());
    hosts.addAll(md.standbyHosts());
    String why = "no copy of partition " + md.partition() + " could answer";
    for (int i = 0; i < hosts.size(); i++) {
      HostInfo host = hosts.get(i);
      LocalRead<ArticleStateView> r =
          host.equals(self)
              ? queries.local().articleState(id, md.partition(), i > 0)
              : remote.articleState(host, id, md.partition(), i > 0);
      switch (r.status()) {
        case FOUND:
          return Answer.found(r.value());
        case ABSENT:
          return Answer.found(null);
        default:
          why = r.message();
      }
    }
    return Answer.unavailable(why);
  }

  /** True when every claim of the article is in the claims store (false: not yet). */
  private Answer<Boolean> indexed(ArticleStateView view) {
    Map<String, Set<String>> bySeries =
        view.claims().stream()
            .collect(
                Collectors.groupingBy(
                    ArticleStateView.ClaimView::key,
                    Collectors.mapping(ArticleStateView.ClaimView::eventId, Collectors.toSet())));
    for (var series : bySeries.entrySet()) {
      Answer<List<MetricEventView>> claims = queries.claimsOfKey(series.getKey());
      if (claims instanceof Answer.Unavailable<List<MetricEventView>> u) {
        return Answer.unavailable(u.message());
      }
      Set<String> present = new HashSet<>();
      ((Answer.Found<List<MetricEventView>>) claims).value().forEach(c -> present.add(c.eventId()));
      if (!present.containsAll(series.getValue())) {
        return Answer.found(false);
      }
    }
    return Answer.found(true);
  }
}
