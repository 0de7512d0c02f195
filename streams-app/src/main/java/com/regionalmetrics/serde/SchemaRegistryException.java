package com.regionalmetrics.serde;

/**
 * An error answer from a schema registry, with the HTTP status and Confluent's error_code (40401
 * subject not found, 40402 version not found, 40403 schema not found, 409 incompatible, 42201
 * invalid schema, 42203 invalid compatibility level).
 */
public class SchemaRegistryException extends RuntimeException {
  public static final int SUBJECT_NOT_FOUND = 40401;
  public static final int VERSION_NOT_FOUND = 40402;
  public static final int SCHEMA_NOT_FOUND = 40403;
  public static final int SUBJECT_CONFIG_NOT_FOUND = 40408;
  public static final int INCOMPATIBLE_SCHEMA = 409;
  public static final int INVALID_SCHEMA = 42201;
  public static final int INVALID_VERSION = 42202;
  public static final int INVALID_COMPATIBILITY_LEVEL = 42203;
  public static final int UNAUTHORIZED = 401;

  private final int status;
  private final int errorCode;

  public SchemaRegistryException(int status, int errorCode, String message) {
    this(status, errorCode, message, null);
  }

  public SchemaRegistryException(int status, int errorCode, String message, Throwable cause) {
    super(message + "; HTTP " + status + ", error code " + errorCode, cause);
    this.status = status;
    this.errorCode = errorCode;
  }

  public int status() {
    return status;
  }

  public int errorCode() {
    return errorCode;
  }

  public String detail() {
    String m = getMessage();
    int i = m.lastIndexOf("; HTTP ");
    return i < 0 ? m : m.substring(0, i);
  }

  public boolean isNotFound() {
    return status == 404;
  }

  static SchemaRegistryException subjectNotFound(String subject) {
    return new SchemaRegistryException(
        404, SUBJECT_NOT_FOUND, "Subject '" + subject + "' not found.");
  }

  static SchemaRegistryException versionNotFound(String version) {
    return new SchemaRegistryException(
        404, VERSION_NOT_FOUND, "Version " + version + " not found.");
  }

  static SchemaRegistryException schemaNotFound(String what) {
    return new SchemaRegistryException(404, SCHEMA_NOT_FOUND, what);
  }
}
