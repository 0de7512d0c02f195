package com.regionalmetrics.extract;

import static com.regionalmetrics.extract.ExtractedObservations.all;
import static com.regionalmetrics.extract.ExtractedObservations.one;
import static com.regionalmetrics.extract.ExtractedObservations.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.regionalmetrics.avro.ChangeKind;
import com.regionalmetrics.avro.Direction;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Flattened tables (FlatTables): a header of column names and rows of cells, read as the sentences
 * they stand for. Tables written for these tests.
 */
class FlatTablesTest {

  // rows about places: each row's figures belong to its place; a signed change column is a change
  @Test
  void rowsNamingPlacesAreAboutThosePlaces() {
    List<Observation> obs =
        run(
            String.join(
                "\n",
                "承德市2024年1—9月各县(市、区)空气质量通报",
                "1—9月各县(市、区)综合指数排名:",
                "县(市、区)　综合指数　同比变化(%)　优良天数(天)",
                "丰宁满族自治县　2.95　-6.1　231",
                "注:同比变化为负值表示改善。",
                "围场满族蒙古族自治县　3.08　2.4　228"),
            "2024-10-15");
    Observation index = one(obs, 2.95, "index");
    assertThat(index.region()).isEqualTo("丰宁满族自治县");
    assertThat(index.period().iso()).isEqualTo("2024-09");
    Observation fall = one(obs, 6.1, "%");
    assertThat(fall.region()).isEqualTo("丰宁满族自治县");
    assertThat(fall.change().getKind()).isEqualTo(ChangeKind.YOY_PCT);
    assertThat(fall.change().getDirection()).isEqualTo(Direction.DOWN);
    assertThat(one(obs, 231, "day").region()).isEqualTo("丰宁满族自治县");
    // the row after the note belongs to the same table
    assertThat(one(obs, 3.08, "index").region()).isEqualTo("围场满族蒙古族自治县");
    assertThat(one(obs, 2.4, "%").change().getDirection()).isEqualTo(Direction.UP);
  }

  // rows naming products: unit column, the column name completes the label, 其中 rows
  @Test
  void rowsNamingMeasuresTakeTheirUnitColumn() {
    List<Observation> obs =
        run(
            String.join(
                "\n",
                "2024年,张家口市规模以上工业增加值比上年增长6.1%。主要工业产品产量",
                "产品名称　计量单位　产量　比上年增长%",
                "钢材　万吨　312.4　-2.7",
                "发电量　亿千瓦时　268.5　9.3",
                "其中:风力发电量　亿千瓦时　181.2　12.8",
                "全市规模以上工业企业达到612家。"),
            "2025-03-01");
    Observation steel = one(obs, 3_124_000, "t");
    assertThat(steel.indicatorLabel()).isEqualTo("钢材产量");
    assertThat(steel.region()).isEqualTo("张家口");
    assertThat(steel.period().iso()).isEqualTo("2024");
    assertThat(one(obs, 2.7, "%").change().getDirection()).isEqualTo(Direction.DOWN);
    // 发电量 already names its measure: no 发电量产量
    assertThat(one(obs, 26_850_000_000.0, "kWh").indicatorLabel()).isEqualTo("发电量");
    assertThat(one(obs, 18_120_000_000.0, "kWh").indicatorLabel()).isEqualTo("风力发电量");
    // prose after the table is read as before
    assertThat(one(obs, 612, "count").region()).isEqualTo("张家口");
  }

  // a leading rank column, the place in the second; period columns give each value its year
  @Test
  void leadingRankColumnAndPeriodColumns() {
    List<Observation> ranked =
        run(
            String.join(
                "\n",
                "表1　2024年8月全省设区市环境空气质量排名",
                "排名 城市 综合指数 PM2.5(μg/m³)",
                "1 承德 2.61 18",
                "2 张家口 2.74 19"),
            "2024-09-10");
    Observation pm = one(ranked, 19, "μg/m³");
    assertThat(pm.region()).isEqualTo("张家口");
    assertThat(pm.period().iso()).isEqualTo("2024-08");
    assertThat(one(ranked, 2.61, "index").region()).isEqualTo("承德");
    assertThat(all(ranked, 2, "rank")).extracting(Observation::region).containsExactly("张家口");

    List<Observation> years =
        run(
            String.join("\n", "张家口市官厅水库主要指标对比", "指标　2023年　2024年", "透明度(米)　1.42　1.65"),
            "2025-03-01");
    assertThat(one(years, 1.42, "m").period().iso()).isEqualTo("2023");
    assertThat(one(years, 1.65, "m").period().iso()).isEqualTo("2024");
  }

  // prose with spaces is no table: a header needs rows of numbers under it
  @Test
  void proseIsLeftAlone() {
    String text = "张家口市统计局　2025年3月1日\n来源 张家口日报 编辑 王明\n全市粮食总产量达到35.6亿斤。";
    assertThat(new FlatTables(x -> false).rewrite(text)).isEqualTo(text);
  }

  // a caption that lists the columns after the row label (主要产品产量(单位、2024年、同比±%)), and a unit
  // note that gives one unit per value column (单位:亿元、%), with — for an empty cell
  @Test
  void captionsThatNameTheColumnsOrTheirUnits() {
    List<Observation> obs =
        run(
            String.join(
                "\n",
                "2024年,秦皇岛港生产平稳。",
                "分货类吞吐量(单位、2024年、同比±%)",
                "金属矿石　万吨　2310.5　4.2",
                "原油　万吨　486.9　-3.5"),
            "2025-01-15");
    assertThat(one(obs, 23_105_000, "t").period().iso()).isEqualTo("2024");
    assertThat(one(obs, 3.5, "%").change().getDirection().name()).isEqualTo("DOWN");
    List<Observation> monthly =
        run(
            String.join(
                "\n",
                "2025年1-5月迁安市主要经济指标",
                "主要指标(单位:亿元、%)",
                "指标　1-5月　增长",
                "规上工业增加值　—　7.3",
                "一般公共预算收入　18.64　2.9",
                "城镇居民人均可支配收入(元)　21456　4.8"),
            "2025-06-20");
    assertThat(one(monthly, 7.3, "%").indicatorLabel()).contains("规上工业增加值");
    assertThat(one(monthly, 1_864_000_000, "CNY").period().iso()).isEqualTo("2025-05");
    assertThat(one(monthly, 2.9, "%").change()).isNotNull();
    assertThat(one(monthly, 21456, "CNY").period().iso()).isEqualTo("2025-05");
    assertThat(one(monthly, 4.8, "%").change()).isNotNull();
  }
}
