package com.regionalmetrics.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.Test;

class InMemorySchemaRegistryTest {

  static final Schema V1 =
      SchemaBuilder.record("Reading")
          .namespace("t")
          .fields()
          .requiredString("region")
          .requiredDouble("value")
          .endRecord();

  /** adds a field with a default: BACKWARD compatible with V1 */
  static final Schema V2 =
      SchemaBuilder.record("Reading")
          .namespace("t")
          .fields()
          .requiredString("region")
          .requiredDouble("value")
          .name("unit")
          .type()
          .stringType()
          .stringDefault("count")
          .endRecord();

  /** adds a field without a default: a V3 reader cannot read V2 data */
  static final Schema V3_BAD =
      SchemaBuilder.record("Reading")
          .namespace("t")
          .fields()
          .requiredString("region")
          .requiredDouble("value")
          .requiredString("unit")
          .requiredLong("at")
          .endRecord();

  private final InMemorySchemaRegistry registry = new InMemorySchemaRegistry();

  @Test
  void idsAreGlobalFromOneAndStableForTheSameSchema() {
    assertThat(registry.register("a-value", V1)).isEqualTo(1);
    assertThat(registry.register("a-value", V1)).isEqualTo(1);
    assertThat(registry.register("a-value", new Schema.Parser().parse(V1.toString()))).isEqualTo(1);
    assertThat(registry.register("b-value", V1))
        .isEqualTo(1); // same schema, other subject: same id
    assertThat(registry.register("a-value", V2)).isEqualTo(2);
    assertThat(registry.versions("a-value")).containsExactly(1, 2);
    assertThat(registry.versions("b-value")).containsExactly(1);
    assertThat(registry.latest("a-value")).isEqualTo(new SchemaVersion("a-value", 2, 2, V2));
    assertThat(registry.version("a-value", 1).schema()).isEqualTo(V1);
    assertThat(registry.getById(2)).isEqualTo(V2);
    assertThat(registry.subjects()).containsExactly("a-value", "b-value");
    assertThat(registry.lookupId("a-value", V2)).isEqualTo(2);
    assertThat(registry.lookupVersion("a-value", V2).version()).isEqualTo(2);
  }

  @Test
  void unknownThingsAre404WithConfluentCodes() {
    registry.register("a-value", V1);
    assertThatThrownBy(() -> registry.getById(42))
        .isInstanceOfSatisfying(
            SchemaRegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(40403));
    assertThatThrownBy(() -> registry.lookupId("a-value", V2))
        .isInstanceOfSatisfying(
            SchemaRegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(40403));
    assertThatThrownBy(() -> registry.latest("nope"))
        .isInstanceOfSatisfying(
            SchemaRegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(40401));
    assertThatThrownBy(() -> registry.version("a-value", 9))
        .isInstanceOfSatisfying(
            SchemaRegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(40402));
  }

  @Test
  void backwardByDefaultRejectsIncompatibleWith409() {
    registry.register("a-value", V1);
    registry.register("a-value", V2);
    assertThat(registry.compatibility("a-value")).isEqualTo(CompatibilityLevel.BACKWARD);
    assertThat(registry.isCompatible("a-value", V3_BAD)).isFalse();
    assertThatThrownBy(() -> registry.register("a-value", V3_BAD))
        .isInstanceOfSatisfying(
            SchemaRegistryException.class,
            e -> {
              assertThat(e.status()).isEqualTo(409);
              assertThat(e.errorCode()).isEqualTo(409);
            });
    assertThat(registry.versions("a-value")).containsExactly(1, 2);

    registry.setCompatibility("a-value", CompatibilityLevel.NONE);
    assertThat(registry.isCompatible("a-value", V3_BAD)).isTrue();
    assertThat(registry.register("a-value", V3_BAD)).isEqualTo(3);
  }

  @Test
  void forwardAndTransitiveLevels() {
    registry.setCompatibility(CompatibilityLevel.FORWARD);
    registry.register("f-value", V2);
    // V1 (old reader) can read V1 data, V2 reader reading V1 data is not the question for FORWARD:
    // an old (V2) reader must read new (V1) data: 'unit' has a default, so it can
    assertThat(registry.isCompatible("f-value", V1)).isTrue();
    // a V2 reader cannot read data of a schema without 'value'
    Schema noValue =
        SchemaBuilder.record("Reading")
            .namespace("t")
            .fields()
            .requiredString("region")
            .endRecord();
    assertThat(registry.isCompatible("f-value", noValue)).isFalse();

    registry.setCompatibility(CompatibilityLevel.BACKWARD_TRANSITIVE);
    registry.register("t-value", V1);
    registry.setCompatibility("t-value", CompatibilityLevel.NONE);
    registry.register("t-value", noValue);
    registry.setCompatibility("t-value", CompatibilityLevel.BACKWARD_TRANSITIVE);
    // 'value' without default: can read noValue data? no ('value' missing) -> incompatible with
    // version 2
    assertThat(registry.isCompatible("t-value", V1)).isFalse();
    registry.setCompatibility("t-value", CompatibilityLevel.BACKWARD);
    Schema regionOnly =
        SchemaBuilder.record("Reading")
            .namespace("t")
            .fields()
            .requiredString("region")
            .name("note")
            .type()
            .stringType()
            .stringDefault("")
            .endRecord();
    assertThat(registry.isCompatible("t-value", regionOnly)).isTrue();
  }
}
