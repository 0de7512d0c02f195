package com.regionalmetrics.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChineseNumbersTest {

  @ParameterizedTest
  @CsvSource({
    "七,7",
    "十,10",
    "十二,12",
    "二十,20",
    "两百,200",
    "三千零五,3005",
    "十二万,120000",
    "一亿二千万,120000000",
    "二〇二四,2024",
    "九,9",
    "四千五百六十七,4567",
    "三万零一,30001"
  })
  void parsesChineseNumerals(String text, double value) {
    assertThat(ChineseNumbers.parse(text)).isEqualTo(value);
  }

  @ParameterizedTest
  @CsvSource(
      value = {"1,234|1234", "12,345,678.5|12345678.5", "3.14|3.14"},
      delimiter = '|')
  void parsesArabic(String text, double value) {
    assertThat(ChineseNumbers.parseArabic(text)).isEqualTo(value);
  }
}
