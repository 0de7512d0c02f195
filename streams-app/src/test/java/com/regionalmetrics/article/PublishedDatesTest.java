package com.regionalmetrics.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.regionalmetrics.extract.Period;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PublishedDatesTest {

  @Test
  void aDayIsItsStartInChina() {
    assertThat(PublishedDates.parse("2025-02-26")).isEqualTo(Instant.parse("2025-02-25T16:00:00Z"));
  }

  @Test
  void aDateTimeAndAnInstantAreTakenAsGiven() {
    assertThat(PublishedDates.parse("2025-02-26T10:00:00+08:00"))
        .isEqualTo(Instant.parse("2025-02-26T02:00:00Z"));
    assertThat(PublishedDates.parse("2025-02-26T02:00:00Z"))
        .isEqualTo(Instant.parse("2025-02-26T02:00:00Z"));
  }

  @Test
  void aYearOrMonthOnlyIsItsLastInstant() {
    assertThat(PublishedDates.parse("2023")).isEqualTo(Period.parse("2023").end());
    assertThat(PublishedDates.parse("2023-03")).isEqualTo(Period.parse("2023-03").end());
  }

  @Test
  void theCurrentYearIsCappedAtNow() {
    String year = Integer.toString(java.time.Year.now().getValue());
    Instant before = Instant.now();
    assertThat(PublishedDates.parse(year)).isBetween(before, Instant.now());
  }

  @Test
  void nothingIsNullAndNonsenseIsRefusedWithTheFormat() {
    assertThat(PublishedDates.parse(null)).isNull();
    assertThat(PublishedDates.parse("  ")).isNull();
    assertThatThrownBy(() -> PublishedDates.parse("26.02.2025"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("YYYY-MM-DD");
    assertThatThrownBy(() -> PublishedDates.parse("2025-13"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PublishedDates.parse("1900"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1970");
    assertThatThrownBy(() -> PublishedDates.parse("2200-01-01"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
