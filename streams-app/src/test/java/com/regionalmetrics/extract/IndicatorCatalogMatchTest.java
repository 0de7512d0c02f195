package com.regionalmetrics.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * IndicatorCatalog tries at each label position only the aliases that start with the two characters
 * there (and the one-character ones); an index that missed an alias would name a figure x.… instead
 * of its indicator. Checked against the plain scan of every alias, longest first, on labels glued
 * from pieces of the real catalog's aliases.
 */
class IndicatorCatalogMatchTest {

  private record Alias(String text, IndicatorCatalog.Indicator indicator) {}

  /** The rule of {@link IndicatorCatalog#matchAlias}, by a scan of the whole alias list. */
  private static Optional<IndicatorCatalog.Match> plain(
      List<Alias> aliases, String label, String unit) {
    int bestRank = -1;
    int bestLen = 0;
    int bestAt = -1;
    for (int i = 0; i < label.length(); i++) {
      for (int r = 0; r < aliases.size(); r++) {
        Alias a = aliases.get(r);
        if (a.text().length() < bestLen) {
          break;
        }
        if (label.startsWith(a.text(), i) && (unit == null || unit.equals(a.indicator().unit()))) {
          if (a.text().length() > bestLen || i > bestAt) {
            bestRank = r;
            bestLen = a.text().length();
            bestAt = i;
          }
          break;
        }
      }
    }
    if (bestRank < 0) {
      return Optional.empty();
    }
    int end = bestAt + bestLen;
    for (Alias a : aliases) {
      if (end < label.length()
          && end + a.text().length() == label.length()
          && label.startsWith(a.text(), end)
          && (unit == null || unit.equals(a.indicator().unit()))) {
        return Optional.of(new IndicatorCatalog.Match(a.indicator(), end, label.length()));
      }
    }
    return Optional.of(new IndicatorCatalog.Match(aliases.get(bestRank).indicator(), bestAt, end));
  }

  @Test
  void sameMatchesAsAScanOfEveryAlias() {
    IndicatorCatalog catalog = IndicatorCatalog.load();
    List<Alias> aliases = new ArrayList<>();
    List<String> units = new ArrayList<>();
    units.add(null);
    for (IndicatorCatalog.Indicator ind : catalog.indicators()) {
      for (String a : ind.aliases()) {
        aliases.add(new Alias(a, ind));
      }
      if (!units.contains(ind.unit())) {
        units.add(ind.unit());
      }
    }
    aliases.sort(Comparator.comparingInt((Alias a) -> a.text().length()).reversed());
    List<String> pieces = new ArrayList<>(List.of("全市", "的", "其中", "年末", "累计", "同比", "人均", "1"));
    for (Alias a : aliases) {
      pieces.add(a.text());
      int cut = a.text().length() / 2;
      pieces.add(a.text().substring(0, cut)); // halves: near misses that share a first pair
      pieces.add(a.text().substring(cut));
    }
    Random rnd = new Random(5);
    int matched = 0;
    for (int t = 0; t < 30_000; t++) {
      StringBuilder b = new StringBuilder();
      for (int k = 1 + rnd.nextInt(4); k > 0; k--) {
        b.append(pieces.get(rnd.nextInt(pieces.size())));
      }
      String label = b.toString();
      String unit =
          units.get(rnd.nextInt(Math.min(units.size(), 4)) == 0 ? 0 : rnd.nextInt(units.size()));
      Optional<IndicatorCatalog.Match> want = plain(aliases, label, unit);
      assertEquals(want, catalog.matchAlias(label, unit), label + " / " + unit);
      matched += want.isPresent() ? 1 : 0;
    }
    assertTrue(matched > 5_000, "most labels matched an alias: " + matched);
  }
}
