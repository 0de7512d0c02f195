package com.regionalmetrics.http;

/** The body of every error response: no stack traces, no internal paths. */
public record ApiError(int status, String error, String message) {}
