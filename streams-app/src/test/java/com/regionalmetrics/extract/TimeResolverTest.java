package com.regionalmetrics.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TimeResolverTest {

  @ParameterizedTest
  @CsvSource({
    "去年底,2023",
    "今年1-8月,2024-08",
    "2014年起至2023年底,2023",
    "第三季度,2023-09",
    "第一季度,2024-03",
    "上半年,2023-06",
    "截至目前,2024-03",
    "日前,2024-03",
    "十四五,2025",
    "2023年10月1-4日,2023-10-04",
    "9月份,2023-09",
    "2022年,2022",
    "2019-2023年,2023",
    "前年,2022",
    "今年,2024-03"
  })
  void resolvesAgainstPublication(String text, String expected) {
    List<TimeResolver.TimeExpr> ts = TimeResolver.find(text, LocalDate.of(2024, 3, 10), null);
    assertThat(ts).isNotEmpty();
    TimeResolver.TimeExpr last = ts.get(ts.size() - 1);
    assertThat(last.period().iso()).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"2014年以来,START", "与2013年相比,COMPARE", "比去年,COMPARE", "2023年,POINT", "目前,NOW"})
  void roles(String text, TimeResolver.Role role) {
    assertThat(TimeResolver.find(text, LocalDate.of(2024, 3, 10), null).get(0).role())
        .isEqualTo(role);
  }
}
