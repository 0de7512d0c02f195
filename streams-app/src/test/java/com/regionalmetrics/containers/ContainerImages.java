package com.regionalmetrics.containers;

import org.testcontainers.utility.DockerImageName;

/**
 * Images for the Testcontainers ITs: official ones by default, overridable with system properties
 * (CI passes images it built locally, since it has no registry to pull from): {@code
 * -Dit.kafka.image=...}, {@code -Dit.registry.image=...}.
 */
final class ContainerImages {
  static final String KAFKA_DEFAULT = "apache/kafka:4.4.0";
  static final String REGISTRY_DEFAULT = "apicurio/apicurio-registry:3.3.3";

  /** Apicurio serves the Confluent Schema Registry API under this path. */
  static final String REGISTRY_CCOMPAT_PATH = "/apis/ccompat/v7";

  private ContainerImages() {}

  /** Any image that behaves like apache/kafka (env conventions, /etc/kafka/docker/run). */
  static DockerImageName kafka() {
    return DockerImageName.parse(System.getProperty("it.kafka.image", KAFKA_DEFAULT))
        .asCompatibleSubstituteFor("apache/kafka");
  }

  /** Apicurio Registry 3.x or an image built like it (HTTP on 8080). */
  static DockerImageName registry() {
    return DockerImageName.parse(System.getProperty("it.registry.image", REGISTRY_DEFAULT));
  }
}
