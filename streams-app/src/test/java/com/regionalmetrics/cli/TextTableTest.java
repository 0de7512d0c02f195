package com.regionalmetrics.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextTableTest {

  @Test
  void chineseCharactersCountTwoColumns() {
    assertThat(TextTable.width("承德")).isEqualTo(4);
    assertThat(TextTable.width("PM2.5")).isEqualTo(5);
    assertThat(TextTable.width("细颗粒物(PM2.5)")).isEqualTo(8 + 7);
    assertThat(TextTable.width("，：（）")).as("full-width punctuation").isEqualTo(8);
    assertThat(TextTable.width("μg/m³")).isEqualTo(5);
    assertThat(TextTable.width("e\u0301")).as("combining accent").isEqualTo(1);
    assertThat(TextTable.width("𠀀")).as("CJK extension B, a surrogate pair").isEqualTo(2);
  }

  @Test
  void columnsLineUpOnScreenAndNumbersAlignRight() {
    String out =
        new TextTable("Indicator", ">Value", "Unit")
            .row("空气质量综合指数", "3.05", "")
            .row("PM2.5", "25", "μg/m³")
            .row("可再生能源装机规模", "12345000", "kW")
            .render();
    List<String> lines = out.lines().toList();
    assertThat(lines).hasSize(5);
    // widths 18, 8, 5: the same as Python's unicodedata.east_asian_width gives
    assertThat(lines.get(0)).isEqualTo("Indicator              Value  Unit");
    assertThat(lines.get(1)).isEqualTo("------------------  --------  -----");
    assertThat(lines.get(2)).isEqualTo("空气质量综合指数        3.05");
    assertThat(lines.get(3)).isEqualTo("PM2.5                     25  μg/m³");
    assertThat(lines.get(4)).isEqualTo("可再生能源装机规模  12345000  kW");
  }
}
