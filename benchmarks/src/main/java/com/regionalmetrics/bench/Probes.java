package com.regionalmetrics.bench;

import com.regionalmetrics.extract.Extractor;
import com.regionalmetrics.extract.Gazetteer;
import com.regionalmetrics.extract.Observation;
import com.regionalmetrics.extract.Region;
import com.regionalmetrics.topology.Topics;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Latency probes: one-sentence articles, published today, each stating a new value of one
 * prefecture's 5G base stations at the end of last month — a period later than any generated
 * article's, so every probe becomes its key's latest value. Keys are used in turn, each again only
 * after all others (hundreds of seconds at the default rate), so a probe is never overtaken.
 */
final class Probes {
  /** A probe's article, and where and with what value it must show up. */
  record Probe(String id, String text, String path, double value) {}

  private record Key(String region, String path) {}

  private final List<Key> keys;
  private final String published;
  private final String asOfText;
  private int next;

  private Probes(List<Key> keys, String published, String asOfText) {
    this.keys = keys;
    this.published = published;
    this.asOfText = asOfText;
  }

  static Probes create(LocalDate today) {
    LocalDate lastMonth = today.minusMonths(1);
    String asOf = "截至" + lastMonth.getYear() + "年" + lastMonth.getMonthValue() + "月底，";
    Extractor extractor = Extractor.createDefault();
    List<Key> keys = new ArrayList<>();
    for (Region r : Gazetteer.load().regions()) {
      if (r.level() != Region.Level.PREFECTURE) {
        continue;
      }
      // keep the regions whose probe sentence the extractor reads as exactly one value
      List<Observation> obs =
          extractor.extract(
              asOf + r.fullName() + "5G基站达到12345个。",
              today.atStartOfDay(ZoneOffset.UTC).toInstant(),
              null);
      if (obs.size() == 1 && obs.get(0).value() == 12345) {
        keys.add(
            new Key(
                r.fullName(),
                "/api/indicators/"
                    + PipelineCommand.enc(obs.get(0).region())
                    + "/"
                    + PipelineCommand.enc(obs.get(0).indicator())));
      }
    }
    if (keys.size() < 100) {
      throw new IllegalStateException(
          "the extractor reads only " + keys.size() + " probe sentences as expected");
    }
    return new Probes(keys, today.toString(), asOf);
  }

  ProducerRecord<byte[], byte[]> record(Probe p) {
    ProducerRecord<byte[], byte[]> r =
        new ProducerRecord<>(
            Topics.ARTICLES_TEXT,
            p.id().getBytes(StandardCharsets.UTF_8),
            p.text().getBytes(StandardCharsets.UTF_8));
    r.headers().add("published", published.getBytes(StandardCharsets.UTF_8));
    return r;
  }

  Probe next() {
    int n = next++;
    Key k = keys.get(n % keys.size());
    int value = 100_000 + n;
    return new Probe(
        "probe-" + n, asOfText + k.region() + "5G基站达到" + value + "个。", k.path(), value);
  }
}
