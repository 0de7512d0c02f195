package com.regionalmetrics.extract;

/**
 * An administrative division or a common grouping.
 *
 * @param name canonical short name: 张家口 (city, 市 dropped), 河北 (province), 涿鹿县, 崇礼区, 京津冀, 全国
 * @param fullName official full name: 张家口市, 河北省, 涿鹿县
 * @param code GB/T 2260 code (130700 style, 6 digits) or a pseudo-code for groupings (e.g. "G:京津冀")
 * @param level COUNTRY, PROVINCE, PREFECTURE, COUNTY, ZONE (a development zone or new area, filed
 *     under itself: 长治高新区), TOWN (a town, township or subdistrict: 佛堂镇) or GROUPING
 * @param parentCode code of the enclosing division, or null
 */
public record Region(String name, String fullName, String code, Level level, String parentCode) {
  public enum Level {
    COUNTRY,
    GROUPING,
    PROVINCE,
    PREFECTURE,
    COUNTY,
    ZONE,
    TOWN
  }
}
