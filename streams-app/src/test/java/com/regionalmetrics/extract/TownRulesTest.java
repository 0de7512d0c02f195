package com.regionalmetrics.extract;

import static com.regionalmetrics.extract.ExtractedObservations.one;
import static com.regionalmetrics.extract.ExtractedObservations.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Towns, townships and subdistricts are regions of their own, named as written (TownMentions).
 * Sentences written for these tests.
 */
class TownRulesTest {

  @Test
  void aTownAfterItsCountyIsItsOwnRegionAndTheCountyItsParent() {
    List<Observation> obs = run("2024年,桐乡市濮院镇实现工业总产值312亿元。全市城镇居民人均可支配收入7.8万元。", "2025-02-10");
    Observation town = one(obs, 31_200_000_000.0, "CNY");
    assertThat(town.region()).isEqualTo("濮院镇");
    assertThat(town.regionCode()).isEqualTo("T:330483:濮院镇");
    assertThat(one(obs, 78_000, "CNY").region()).isEqualTo("桐乡市");
  }

  @Test
  void townsTownshipsAndSubdistrictsByTheirEndings() {
    List<Observation> obs =
        run(
            "2024年,桐乡市各镇发展加快。乌镇接待游客1020万人次。石门镇水稻种植面积2.1万亩。"
                + "大麻镇新增市场主体860户。凤鸣街道社区达到18个。"
                + "鄂温克族乡牧业产值4.6亿元。",
            "2025-02-10");
    assertThat(one(obs, 10_200_000, "count").region()).isEqualTo("桐乡市"); // 乌镇: one character
    assertThat(one(obs, 860, "count").region()).isEqualTo("大麻镇");
    assertThat(one(obs, 18, "count").region()).isEqualTo("凤鸣街道");
    assertThat(one(obs, 460_000_000, "CNY").region()).isEqualTo("鄂温克族乡");
  }

  @Test
  void wordsEndingLikeATownAreNoTown() {
    List<Observation> obs =
        run(
            "2024年,桐乡市城镇化率达到68.5%,乡镇卫生院达到11家,特色小镇达到4个,城乡居民收入比为1.62," + "乡村旅游接待游客380万人次。",
            "2025-02-10");
    for (Observation o : obs) {
      assertThat(o.region()).as(o.indicatorLabel()).isEqualTo("桐乡市");
    }
    assertThat(obs).hasSize(5);
  }

  @Test
  void aTownNamesOnlyItsOwnSentence() {
    List<Observation> obs = run("2024年,桐乡市石门镇粮食产量3.2万吨。全年新增城镇就业1.1万人。", "2025-02-10");
    assertThat(one(obs, 32_000, "t").region()).isEqualTo("石门镇");
    assertThat(one(obs, 11_000, "count").region()).isEqualTo("桐乡市");
  }
}
