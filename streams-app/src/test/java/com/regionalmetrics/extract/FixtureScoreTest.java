package com.regionalmetrics.extract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Scores the extractor on articles written for the tests (resources extract/fixtures: ID.txt,
 * articles.jsonl, gold.jsonl hand-labelled per corpus/LABELING.md), with the matching rule of
 * shared/eval/score.py: same unit, value within 0.5 %, labels overlapping (character-bigram Dice at
 * least 0.3, or containment), one-to-one, best pairs first; recall over required gold, precision
 * over all gold; region, full-ISO period, qualifier and change on matched pairs, held by a ratchet
 * (known-problems.txt).
 *
 * <p>It also writes every extracted observation, one line each, to target/fixture-observations.txt
 * and what changed against the committed baseline (resources
 * extract/fixtures/observations.baseline.txt) to target/fixture-observations.diff: per fixture,
 * {@code +} gained and {@code -} lost observations. After a deliberate rule change, {@code
 * -Dfixtures.updateBaseline=true} rewrites the baseline.
 */
class FixtureScoreTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  record Gold(
      String article,
      String region,
      List<String> regionAlt,
      String text,
      double value,
      String unit,
      String period,
      boolean required,
      String qualifier,
      String change) {}

  record Extracted(String article, Observation obs) {}

  @Test
  void fixtureArticlesScoreAboveTheBar() throws IOException {
    Extractor ex = Extractor.strict();
    List<Gold> gold = new ArrayList<>();
    for (String line : lines("gold.jsonl")) {
      JsonNode n = JSON.readTree(line);
      List<String> alt = new ArrayList<>();
      if (n.has("region_alt")) {
        n.get("region_alt").forEach(a -> alt.add(a.asText()));
      }
      gold.add(
          new Gold(
              n.get("article").asText(),
              n.get("region").asText(),
              alt,
              n.get("indicator_text").asText(),
              n.get("value").asDouble(),
              n.get("unit").asText(),
              n.get("period").isNull() ? null : n.get("period").asText(),
              !n.has("required") || n.get("required").asBoolean(),
              n.has("qualifier") ? n.get("qualifier").asText() : "exact",
              n.hasNonNull("change")
                  ? n.get("change").get("kind").asText()
                      + "/"
                      + n.get("change").get("direction").asText()
                  : "-"));
    }
    int required = 0;
    int found = 0;
    int extracted = 0;
    int correct = 0;
    int regionOk = 0;
    int periodN = 0;
    int periodOk = 0;
    List<String> report = new ArrayList<>();
    List<String> observed = new ArrayList<>();
    for (String line : lines("articles.jsonl")) {
      JsonNode a = JSON.readTree(line);
      String id = a.get("article").asText();
      Instant pub =
          a.get("published").isNull()
              ? null
              : LocalDate.parse(a.get("published").asText())
                  .atTime(12, 0)
                  .atZone(Period.ZONE)
                  .toInstant();
      List<Observation> es = ex.extract(text(id + ".txt"), pub, null);
      es.forEach(e -> observed.add(observationLine(id, e)));
      List<Gold> gs = gold.stream().filter(g -> g.article().equals(id)).toList();
      List<double[]> pairs = new ArrayList<>(); // sim, required, i, j
      for (int i = 0; i < gs.size(); i++) {
        for (int j = 0; j < es.size(); j++) {
          Gold g = gs.get(i);
          Observation e = es.get(j);
          if (!g.unit().equals(e.unit()) || !close(g.value(), e.value())) {
            continue;
          }
          double sim = similarity(g.text(), e.indicatorLabel());
          if (sim >= 0.3) {
            pairs.add(new double[] {sim, g.required() ? 1 : 0, i, j});
          }
        }
      }
      pairs.sort((p, q) -> p[0] != q[0] ? Double.compare(q[0], p[0]) : Double.compare(q[1], p[1]));
      Set<Integer> usedG = new HashSet<>();
      Set<Integer> usedE = new HashSet<>();
      for (double[] p : pairs) {
        int i = (int) p[2];
        int j = (int) p[3];
        if (usedG.contains(i) || usedE.contains(j)) {
          continue;
        }
        usedG.add(i);
        usedE.add(j);
        Gold g = gs.get(i);
        Observation e = es.get(j);
        correct++;
        if (g.required()) {
          found++;
        }
        if (e.region().equals(g.region()) || g.regionAlt().contains(e.region())) {
          regionOk++;
        } else {
          report.add(id + " region " + e.region() + " != " + g.region() + " for " + g.text());
        }
        if (g.period() != null) {
          periodN++;
          if (e.period() != null && e.period().iso().equals(g.period())) {
            periodOk++;
          } else {
            report.add(id + " period " + e.period() + " != " + g.period() + " for " + g.text());
          }
        }
        String qualifier = e.qualifier().name().toLowerCase(java.util.Locale.ROOT);
        if (!qualifier.equals(g.qualifier())) {
          report.add(id + " qualifier " + qualifier + " != " + g.qualifier() + " for " + g.text());
        }
        String change =
            e.change() == null
                ? "-"
                : (e.change().getKind() + "/" + e.change().getDirection())
                    .toLowerCase(java.util.Locale.ROOT);
        if (!change.equals(g.change())) {
          report.add(id + " change " + change + " != " + g.change() + " for " + g.text());
        }
      }
      for (int i = 0; i < gs.size(); i++) {
        if (gs.get(i).required()) {
          required++;
          if (!usedG.contains(i)) {
            report.add(
                id
                    + " missed "
                    + gs.get(i).text()
                    + " "
                    + gs.get(i).value()
                    + " "
                    + gs.get(i).unit());
          }
        }
      }
      for (int j = 0; j < es.size(); j++) {
        if (!usedE.contains(j)) {
          report.add(
              id
                  + " extra "
                  + es.get(j).indicatorLabel()
                  + " "
                  + es.get(j).value()
                  + " "
                  + es.get(j).unit());
        }
      }
      extracted += es.size();
    }
    double precision = (double) correct / extracted;
    double recall = (double) found / required;
    double f1 = 2 * precision * recall / (precision + recall);
    String summary =
        String.format(
            "required=%d found=%d extracted=%d correct=%d precision=%.4f recall=%.4f f1=%.4f region=%.4f period=%.4f%n%s",
            required,
            found,
            extracted,
            correct,
            precision,
            recall,
            f1,
            (double) regionOk / correct,
            (double) periodOk / periodN,
            String.join("\n", report));
    System.out.println("fixtures: " + summary);
    writeObservationDiff(observed);
    ratchet(report);
  }

  private static final Path KNOWN_PROBLEMS =
      Path.of("src/test/resources/extract/fixtures/known-problems.txt");

  /**
   * A ratchet: every miss, extra, wrong region, full-ISO period, qualifier or change is listed in
   * known-problems.txt, and the test fails on any difference — a new problem, and also a fixed one
   * (remove it from the list), so each moves the list by a deliberate edit. {@code
   * -Dfixtures.updateKnownProblems=true} rewrites the list.
   */
  private static void ratchet(List<String> report) throws IOException {
    List<String> now = report.stream().sorted().toList();
    if (Boolean.getBoolean("fixtures.updateKnownProblems")) {
      Files.write(KNOWN_PROBLEMS, now, StandardCharsets.UTF_8);
    }
    List<String> known =
        Files.readAllLines(KNOWN_PROBLEMS, StandardCharsets.UTF_8).stream()
            .filter(l -> !l.isBlank())
            .toList();
    List<String> added = now.stream().filter(l -> !known.contains(l)).toList();
    List<String> fixed = known.stream().filter(l -> !now.contains(l)).toList();
    assertThat(added)
        .as("new problems on the fixtures (a regression, or list it in %s)", KNOWN_PROBLEMS)
        .isEmpty();
    assertThat(fixed).as("problems fixed: remove them from %s", KNOWN_PROBLEMS).isEmpty();
  }

  private static final Path BASELINE =
      Path.of("src/test/resources/extract/fixtures/observations.baseline.txt");

  /** One observation as a line: article, region, indicator, label, value, unit, period, change. */
  static String observationLine(String article, Observation o) {
    return String.join(
        "\t",
        article,
        o.region(),
        o.indicator(),
        o.indicatorLabel(),
        String.valueOf(o.value()),
        o.unit(),
        String.valueOf(o.period()),
        o.change() == null ? "-" : o.change().getKind() + "/" + o.change().getDirection());
  }

  /**
   * target/fixture-observations.txt, and target/fixture-observations.diff: gained (+) and lost (-)
   * per fixture.
   */
  private static void writeObservationDiff(List<String> observed) throws IOException {
    List<String> now = observed.stream().sorted().toList();
    Path target = Path.of("target");
    Files.createDirectories(target);
    Files.write(target.resolve("fixture-observations.txt"), now, StandardCharsets.UTF_8);
    if (Boolean.getBoolean("fixtures.updateBaseline")) {
      Files.write(BASELINE, now, StandardCharsets.UTF_8);
    }
    List<String> base =
        Files.exists(BASELINE) ? Files.readAllLines(BASELINE, StandardCharsets.UTF_8) : List.of();
    java.util.Map<String, List<String>> byFixture = new java.util.TreeMap<>();
    java.util.Map<String, Integer> baseCount = new java.util.HashMap<>();
    base.forEach(l -> baseCount.merge(l, 1, Integer::sum));
    java.util.Map<String, Integer> nowCount = new java.util.HashMap<>();
    now.forEach(l -> nowCount.merge(l, 1, Integer::sum));
    for (String l : new java.util.TreeSet<>(nowCount.keySet())) {
      for (int k = baseCount.getOrDefault(l, 0); k < nowCount.get(l); k++) {
        byFixture
            .computeIfAbsent(l.substring(0, l.indexOf('\t')), f -> new ArrayList<>())
            .add("+ " + l);
      }
    }
    for (String l : new java.util.TreeSet<>(baseCount.keySet())) {
      for (int k = nowCount.getOrDefault(l, 0); k < baseCount.get(l); k++) {
        byFixture
            .computeIfAbsent(l.substring(0, l.indexOf('\t')), f -> new ArrayList<>())
            .add("- " + l);
      }
    }
    List<String> diff = new ArrayList<>();
    byFixture.forEach(
        (f, ls) -> {
          diff.add(
              "## "
                  + f
                  + ": "
                  + ls.stream().filter(x -> x.startsWith("+")).count()
                  + " gained, "
                  + ls.stream().filter(x -> x.startsWith("-")).count()
                  + " lost");
          diff.addAll(ls);
        });
    Files.write(target.resolve("fixture-observations.diff"), diff, StandardCharsets.UTF_8);
    System.out.println(
        "fixtures: "
            + (diff.isEmpty()
                ? "observations as in the baseline"
                : "observations moved, see target/fixture-observations.diff:\n"
                    + String.join("\n", diff)));
  }

  static boolean close(double g, double e) {
    return g == e || Math.abs(g - e) <= 0.005 * Math.max(Math.abs(g), Math.abs(e));
  }

  /** Containment, else character-bigram Dice (as score.py). */
  static double similarity(String a, String b) {
    a = a == null ? "" : a.replace(" ", "");
    b = b == null ? "" : b.replace(" ", "");
    return a.isEmpty() || b.isEmpty() ? 0 : ObservationDeduplicator.similarity(a, b);
  }

  private static List<String> lines(String name) throws IOException {
    List<String> out = new ArrayList<>();
    for (String l : text(name).split("\n")) {
      if (!l.isBlank()) {
        out.add(l);
      }
    }
    return out;
  }

  private static String text(String name) throws IOException {
    try (InputStream in = FixtureScoreTest.class.getResourceAsStream("/extract/fixtures/" + name)) {
      if (in == null) {
        throw new IOException("missing fixture " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
