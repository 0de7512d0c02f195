package com.regionalmetrics.extract;

import static org.assertj.core.api.Assertions.assertThat;

import com.regionalmetrics.avro.Qualifier;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QuantityScannerTest {

  private static final QuantityScanner SCANNER = new QuantityScanner(UnitTable.load());

  @ParameterizedTest
  @CsvSource(
      value = {
        "装机3890.55万千瓦|38905500|kW",
        "收入246.84亿元|24684000000|CNY",
        "算力2.91万P|29100|PFLOPS",
        "总额1.23万亿元|1230000000000|CNY",
        "用时3小时7分|187|min",
        "耕地300亩|20|ha",
        "占比达九成|90|%",
        "增长5个百分点|5|pp",
        "浓度35微克/立方米|35|μg/m³",
        "电压1000千伏|1000|kV",
        "全长184公里|184|km",
        "共有1,234家|1234|count",
        "发电量12.5亿千瓦时|1250000000|kWh",
        "出生率8.5‰|8.5|‰",
        "面积2.5平方公里|2.5|km2",
        "游客53.2万人次|532000|count",
        "优良天数216天|216|day",
        "出口3.2亿美元|320000000|USD",
        "产量45万吨|450000|t"
      },
      delimiter = '|')
  void readsValueAndUnit(String text, double value, String unit) {
    List<Quantity> qs = SCANNER.scan(text);
    assertThat(qs).hasSize(1);
    assertThat(qs.get(0).value)
        .isCloseTo(value, org.assertj.core.data.Offset.offset(1e-6 * Math.max(1, value)));
    assertThat(qs.get(0).unit).isEqualTo(unit);
  }

  @ParameterizedTest
  @CsvSource(
      value = {
        "超过3000人次|OVER",
        "2423多亿元|OVER",
        "149万余人次|OVER",
        "2小时以内|UNDER",
        "近2万人|UNDER",
        "约两成|APPROX",
        "30天左右|APPROX",
        "不到10个|UNDER",
        "1000人以上。|OVER"
      },
      delimiter = '|')
  void readsQualifiers(String text, Qualifier q) {
    List<Quantity> qs = SCANNER.scan(text);
    assertThat(qs).hasSize(1);
    assertThat(qs.get(0).qualifier).isEqualTo(q);
  }

  @ParameterizedTest
  @CsvSource({
    "2024年12月30日",
    "1-8月",
    "联系电话:0313-2051987",
    "第四代产品",
    "PM2.5",
    "5G网络",
    "京张高铁G2506次",
    "前20名",
    "《2023年规划》",
    "2016-02-15",
    "10:30",
    "三项主要指标",
    "一小时经济圈",
    "十四五",
    "外来人口约占三四成",
    "要走四五公里"
  })
  void ignoresWhatIsNotAQuantity(String text) {
    assertThat(SCANNER.scan(text).stream().filter(q -> !q.threshold).toList()).isEmpty();
  }

  @Test
  void thresholdsAreMarked() {
    List<Quantity> qs = SCANNER.scan("淘汰35蒸吨以下燃煤锅炉和5000万元以上项目");
    assertThat(qs).hasSize(2).allMatch(q -> q.threshold);
  }

  @Test
  void listsShareTheLastUnit() {
    List<Quantity> qs = SCANNER.scan("分别为61、26和3微克/立方米");
    assertThat(qs).extracting(q -> q.unit).containsExactly("μg/m³", "μg/m³", "μg/m³");
  }

  @Test
  void ranks() {
    List<Quantity> qs = SCANNER.scan("排名第9位,同比进位14位");
    assertThat(qs).hasSize(2);
    assertThat(qs.get(0).rank).isTrue();
    assertThat(qs.get(1).rankChange).isTrue();
  }
}
