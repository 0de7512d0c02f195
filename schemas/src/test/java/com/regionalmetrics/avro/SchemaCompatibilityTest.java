package com.regionalmetrics.avro;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every schema version ever released stays readable by the current one (BACKWARD, the registry's
 * default): a consumer upgraded first must still read what old producers wrote. When a schema
 * changes, add its released form to src/test/resources/schema-history.
 */
class SchemaCompatibilityTest {

  static Stream<Arguments> releasedVersions() {
    return Stream.of(
        Arguments.of("Article.v1.avsc", Article.getClassSchema()),
        Arguments.of("Article.v2.avsc", Article.getClassSchema()),
        Arguments.of("MetricEvent.v1.avsc", MetricEvent.getClassSchema()),
        Arguments.of("MetricEvent.v2.avsc", MetricEvent.getClassSchema()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("releasedVersions")
  void currentSchemaReadsEveryReleasedVersion(String file, Schema current) throws IOException {
    Schema released = load(file);

    var result = SchemaCompatibility.checkReaderWriterCompatibility(current, released);

    assertThat(result.getType())
        .as(
            "current %s must read data written with %s: %s",
            current.getName(), file, result.getDescription())
        .isEqualTo(SchemaCompatibilityType.COMPATIBLE);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("releasedVersions")
  void addedFieldsCarryDefaults(String file, Schema current) throws IOException {
    List<String> released = load(file).getFields().stream().map(Schema.Field::name).toList();

    assertThat(current.getFields())
        .filteredOn(f -> !released.contains(f.name()))
        .allSatisfy(
            f ->
                assertThat(f.hasDefaultValue())
                    .as("new field %s needs a default", f.name())
                    .isTrue());
  }

  /** v1 is the first release: the fields added since (measure ids, claims) all have defaults. */
  @org.junit.jupiter.api.Test
  void theSecondReleaseAddedFieldsToTheFirst() throws IOException {
    List<String> v1 =
        load("MetricEvent.v1.avsc").getFields().stream().map(Schema.Field::name).toList();
    assertThat(MetricEvent.getClassSchema().getFields())
        .extracting(Schema.Field::name)
        .filteredOn(n -> !v1.contains(n))
        .containsExactly("baseIndicator", "subject", "window", "publishedAtAssumed", "retracted");
  }

  private static Schema load(String file) throws IOException {
    try (InputStream in =
        SchemaCompatibilityTest.class.getResourceAsStream("/schema-history/" + file)) {
      assertThat(in).as("released schema %s", file).isNotNull();
      return new Schema.Parser().parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }
}
