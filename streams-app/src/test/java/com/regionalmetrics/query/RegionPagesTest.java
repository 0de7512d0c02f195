package com.regionalmetrics.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Merging partial region totals across partitions and paging them: every region once, counts added
 * up, the newest value kept; walking the cursor over partitions that each return their first limit
 * + 1 regions gives the same listing as one unpaged merge; a cursor this listing did not return is
 * refused.
 */
class RegionPagesTest {

  static RegionScan.PartialSummary partial(int p, String region, int series, String at) {
    return new RegionScan.PartialSummary(p, region, "c-" + region, series, at, at.substring(0, 4));
  }

  @Test
  void partialTotalsOfOneRegionAddUpAndKeepTheNewestValue() {
    var page =
        RegionPages.page(
            List.of(
                partial(0, "张家口", 2, "2024-12-31T15:59:59.999Z"),
                partial(1, "张家口", 3, "2020-12-31T15:59:59.999Z"),
                partial(2, "承德", 1, "2023-12-31T15:59:59.999Z"),
                partial(1, "保定", 4, "2019-12-31T15:59:59.999Z")),
            0);
    assertThat(page.nextCursor()).isNull();
    assertThat(page.regions())
        .containsExactly(
            new RegionSummary("保定", "c-保定", 4, "2019-12-31T15:59:59.999Z"),
            new RegionSummary("张家口", "c-张家口", 5, "2024-12-31T15:59:59.999Z"),
            new RegionSummary("承德", "c-承德", 1, "2023-12-31T15:59:59.999Z"));
  }

  @Test
  void walkingTheCursorOverPartitionsGivesTheUnpagedListing() {
    Random random = new Random(3);
    // three partitions, each with a random subset of 60 regions
    List<Map<String, RegionScan.PartialSummary>> partitions = new ArrayList<>();
    for (int p = 0; p < 3; p++) {
      Map<String, RegionScan.PartialSummary> store = new TreeMap<>(KeyOrder.CODE_POINTS);
      for (int r = 0; r < 60; r++) {
        if (random.nextInt(3) > 0) {
          String region = "区" + (char) ('一' + r) + r;
          store.put(
              region,
              partial(
                  p,
                  region,
                  1 + random.nextInt(9),
                  (2000 + random.nextInt(25)) + "-06-30T00:00:00Z"));
        }
      }
      partitions.add(store);
    }
    List<RegionScan.PartialSummary> everything = new ArrayList<>();
    partitions.forEach(s -> everything.addAll(s.values()));
    List<RegionSummary> unpaged = RegionPages.page(everything, 0).regions();

    for (int limit : new int[] {1, 2, 7, 50, 1000}) {
      List<RegionSummary> walked = new ArrayList<>();
      String cursor = null;
      do {
        String after = cursor == null ? null : RegionPages.decode(cursor);
        List<RegionScan.PartialSummary> asked = new ArrayList<>();
        for (var store : partitions) {
          store.values().stream()
              .filter(s -> after == null || KeyOrder.CODE_POINTS.compare(s.region(), after) > 0)
              .limit(limit + 1)
              .forEach(asked::add);
        }
        RegionPages.Page page = RegionPages.page(asked, limit);
        assertThat(page.regions().size()).isLessThanOrEqualTo(limit);
        walked.addAll(page.regions());
        cursor = page.nextCursor();
      } while (cursor != null);
      assertThat(walked).as("limit %d", limit).isEqualTo(unpaged);
    }
  }

  @Test
  void aCursorThisListingDidNotReturnIsRefused() {
    String good = RegionPages.encode("张家口");
    assertThat(RegionPages.decode(good)).isEqualTo("张家口");
    for (String bad :
        List.of(
            "garbage!",
            "Zm9v", // "foo": not tagged
            SeriesCursors.encode("张家口|air.pm25"), // another listing's cursor
            good + "=",
            RegionPages.encode(""))) {
      assertThatThrownBy(() -> RegionPages.decode(bad))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("cursor");
    }
  }
}
