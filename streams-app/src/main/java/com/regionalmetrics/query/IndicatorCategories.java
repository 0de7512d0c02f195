package com.regionalmetrics.query;

/**
 * The category of an indicator id: the part before the first dot; uncatalogued ids ("x.") are
 * "other".
 */
public final class IndicatorCategories {
  private IndicatorCategories() {}

  public static String of(String indicatorId) {
    int dot = indicatorId.indexOf('.');
    String head = dot < 0 ? indicatorId : indicatorId.substring(0, dot);
    return head.equals("x") || dot < 0 ? "other" : head;
  }
}
