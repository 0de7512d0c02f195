package com.regionalmetrics.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.avro.Schema;

/**
 * The registry behaviour the serdes rely on, checked through any client: our server in unit tests,
 * Apicurio's Confluent API in the integration test. Subjects are prefixed so runs against a shared
 * registry do not collide.
 */
final class RegistryContract {
  private RegistryContract() {}

  static String check(SchemaRegistryClient c, String prefix) {
    String subject = prefix + "-value";
    Schema v1 = InMemorySchemaRegistryTest.V1;
    Schema v2 = InMemorySchemaRegistryTest.V2;

    int id1 = c.register(subject, v1);
    // a real registry may default to no checks (Apicurio does): ask for Confluent's default
    // explicitly
    c.setCompatibility(subject, CompatibilityLevel.BACKWARD);
    assertThat(c.compatibility(subject)).isEqualTo(CompatibilityLevel.BACKWARD);
    assertThat(c.register(subject, v1)).as("same id on re-register").isEqualTo(id1);
    assertThat(c.register(subject, new Schema.Parser().parse(v1.toString()))).isEqualTo(id1);
    assertThat(c.getById(id1)).as("fetch by id").isEqualTo(v1);
    assertThat(c.lookupId(subject, v1)).isEqualTo(id1);

    assertThat(c.isCompatible(subject, v2))
        .as("adding a defaulted field is BACKWARD compatible")
        .isTrue();
    int id2 = c.register(subject, v2);
    assertThat(id2).isNotEqualTo(id1);
    assertThat(c.subjects()).contains(subject);
    assertThat(c.versions(subject)).hasSize(2);
    SchemaVersion latest = c.latest(subject);
    assertThat(latest.id()).isEqualTo(id2);
    assertThat(latest.schema()).isEqualTo(v2);
    assertThat(latest.version()).isEqualTo(c.versions(subject).get(1));
    assertThat(c.version(subject, c.versions(subject).get(0)).id()).isEqualTo(id1);

    Schema bad = InMemorySchemaRegistryTest.V3_BAD;
    assertThat(c.isCompatible(subject, bad))
        .as("a field without default is not BACKWARD compatible")
        .isFalse();
    assertThatThrownBy(() -> c.register(subject, bad))
        .isInstanceOfSatisfying(
            SchemaRegistryException.class, e -> assertThat(e.status()).isEqualTo(409));
    assertThat(c.versions(subject)).hasSize(2);

    assertThatThrownBy(() -> c.getById(987_654))
        .isInstanceOfSatisfying(
            SchemaRegistryException.class,
            e -> {
              assertThat(e.status()).isEqualTo(404);
              assertThat(e.errorCode()).isEqualTo(SchemaRegistryException.SCHEMA_NOT_FOUND);
            });
    assertThatThrownBy(() -> c.lookupId(subject, bad))
        .isInstanceOfSatisfying(
            SchemaRegistryException.class, e -> assertThat(e.status()).isEqualTo(404));
    assertThatThrownBy(() -> c.latest(prefix + "-missing-value"))
        .isInstanceOfSatisfying(
            SchemaRegistryException.class,
            e -> assertThat(e.errorCode()).isEqualTo(SchemaRegistryException.SUBJECT_NOT_FOUND));
    return "ok";
  }
}
