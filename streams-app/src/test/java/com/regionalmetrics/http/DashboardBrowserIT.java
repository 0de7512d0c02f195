package com.regionalmetrics.http;

import static com.regionalmetrics.testsupport.Http.enc;
import static com.regionalmetrics.testsupport.Http.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.regionalmetrics.app.RegionalMetricsApp;
import com.regionalmetrics.app.TestApps;
import com.regionalmetrics.testsupport.Http;
import com.regionalmetrics.testsupport.Required;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in a real headless Chromium (Debian's chromium + chromedriver) against the real app
 * with articles ingested over HTTP: regions list, search, a region page grouped by category, an
 * indicator's history chart with its two points, the as-of picker, provenance, and a screenshot
 * (target/screenshots/dashboard.png, a CI artifact). Skips, saying why, when no Chromium or
 * ChromeDriver is installed (.ci/browser-setup.sh installs them); fails instead when the browser is
 * required ({@code -Dit.required=browser} or {@code CI=true}, see {@link Required}).
 */
class DashboardBrowserIT {
  private static final Path CHROMIUM =
      Path.of(System.getProperty("chromium.binary", "/usr/bin/chromium"));
  private static final Path CHROMEDRIVER =
      Path.of(System.getProperty("chromedriver.binary", "/usr/bin/chromedriver"));
  private static final Path SCREENSHOTS =
      Path.of(System.getProperty("basedir", "."), "target", "screenshots");

  /** Written for this test, in the style of a local government report. */
  static final String CHENGDE =
      String.join(
          "\n",
          "承德市生态环境持续向好",
          "2015年以来，承德市空气质量综合指数从6.12降至2024年的3.05，细颗粒物(PM2.5)平均浓度从48微克/立方米降至25微克/立方米。",
          "截至去年底，承德市可再生能源装机规模达到1234.5万千瓦。");

  static final String ZHANGJIAKOU =
      String.join("\n", "张家口市持续推进大气污染防治", "2014年以来，张家口市空气质量综合指数从5.09降至2024年的2.66。");

  @TempDir static Path dataDir;
  @TempDir static Path browserProfile;
  static RegionalMetricsApp app;
  static String base;
  static WebDriver driver;
  static WebDriverWait wait;

  /** Why the test cannot run here, or null. */
  static String noBrowser;

  @BeforeAll
  static void start() throws Exception {
    String missing =
        !Files.isExecutable(CHROMIUM)
            ? CHROMIUM.toString()
            : !Files.isExecutable(CHROMEDRIVER) ? CHROMEDRIVER.toString() : null;
    if (missing != null) {
      noBrowser =
          "no headless browser: "
              + missing
              + " is not installed; install Debian's chromium and chromium-driver "
              + "(.ci/browser-setup.sh) or point -Dchromium.binary / -Dchromedriver.binary at them";
      return; // the test skips or fails with the reason
    }

    app = TestApps.zeroConfig(dataDir);
    base = "http://127.0.0.1:" + app.httpPort();
    post("chengde-1", "2025-03-10", CHENGDE);
    post("zhangjiakou-1", "2025-02-01", ZHANGJIAKOU);
    for (String region : List.of("承德", "张家口")) {
      await()
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(250))
          .until(
              () ->
                  get("/api/indicators/" + enc(region) + "/" + enc("空气质量综合指数") + "/history")
                              .statusCode()
                          == 200
                      && json(get(
                                  "/api/indicators/"
                                      + enc(region)
                                      + "/"
                                      + enc("空气质量综合指数")
                                      + "/history"))
                              .get("values")
                              .size()
                          == 2);
    }

    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-quic",
        "--no-first-run",
        "--user-data-dir=" + browserProfile,
        "--window-size=1440,1000",
        "--lang=en-US");
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .build();
    driver = new ChromeDriver(service, options);
    wait = new WebDriverWait(driver, Duration.ofSeconds(20));
  }

  @AfterAll
  static void stop() {
    if (driver != null) {
      driver.quit();
    }
    if (app != null) {
      app.close();
    }
  }

  @Test
  void regionsRegionPageHistoryChartAsOfProvenanceAndScreenshot() throws Exception {
    Required.assumeAvailable(Required.BROWSER, noBrowser == null, noBrowser);
    // regions list with the counts the API reports
    driver.get(base + "/");
    wait.until(ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector(".region-card"), 1));
    assertThat((String) js("return document.characterSet")).isEqualTo("UTF-8");
    JsonNode regions = json(get("/api/regions")).get("regions");
    WebElement chengdeCard = card("承德");
    int chengdeCount = 0;
    for (JsonNode r : regions) {
      if (r.get("region").asText().equals("承德")) {
        chengdeCount = r.get("indicators").asInt();
      }
    }
    assertThat(chengdeCount).isGreaterThanOrEqualTo(2);
    assertThat(chengdeCard.findElement(By.cssSelector(".count")).getText())
        .startsWith(Integer.toString(chengdeCount));
    screenshot("regions.png");

    // search: regions filtered as you type …
    WebElement search = driver.findElement(By.id("search"));
    search.sendKeys("张家");
    wait.until(d -> !card("承德").isDisplayed());
    assertThat(card("张家口").isDisplayed()).isTrue();
    // … and indicators in every region, through the API's search
    search.clear();
    search.sendKeys("空气质量综合");
    wait.until(ExpectedConditions.attributeToBe(By.id("matches"), "data-query", "空气质量综合"));
    List<WebElement> matches = driver.findElements(By.cssSelector("#matches .match"));
    assertThat(matches).extracting(e -> e.getAttribute("data-region")).contains("承德", "张家口");
    matches.stream()
        .filter(e -> "张家口".equals(e.getAttribute("data-region")))
        .findFirst()
        .orElseThrow()
        .click();
    wait.until(ExpectedConditions.attributeToBe(By.id("chart"), "data-points", "2"));
    assertThat(driver.findElement(By.cssSelector(".region-head h1")).getText()).isEqualTo("张家口");
    assertThat(driver.findElement(By.cssSelector(".ind.selected .num")).getText())
        .isEqualTo("2.66");

    // region page, routed by hash; a 503 (stores restoring) shows "warming up" and is retried
    js(
        "const real = window.fetch; let left = 1;"
            + "window.fetch = (url, opts) => String(url).includes('/api/regions/') && left-- > 0"
            + "  ? Promise.resolve(new Response(JSON.stringify({status: 503, error: 'Service Unavailable',"
            + "      message: 'state stores are restoring'}), {status: 503, headers: {'Retry-After': '1'}}))"
            + "  : real(url, opts);"
            + "location.hash = '#/region/' + encodeURIComponent('承德');");
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("state"), "Warming up, retrying"));
    assertThat(driver.findElement(By.id("state")).getText()).contains("state stores are restoring");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".ind")));
    assertThat(driver.findElement(By.cssSelector(".region-head h1")).getText()).isEqualTo("承德");
    WebElement aqi = row("空气质量综合指数");
    assertThat(aqi.findElement(By.cssSelector(".num")).getText()).isEqualTo("3.05");
    assertThat(aqi.findElement(By.cssSelector(".period")).getText()).isEqualTo("2024");
    String category = (String) js("return arguments[0].closest('.category').dataset.category", aqi);
    String indicator = aqi.getAttribute("data-indicator");
    assertThat(category)
        .isEqualTo(
            indicator.contains(".") && !indicator.startsWith("x.")
                ? indicator.substring(0, indicator.indexOf('.'))
                : "other");

    // the indicator's history chart: two points, drawn by uPlot
    aqi.click();
    wait.until(ExpectedConditions.attributeToBe(By.id("chart"), "data-points", "2"));
    assertThat(driver.findElements(By.cssSelector("#chart canvas"))).isNotEmpty();
    assertThat((String) js("return decodeURIComponent(location.hash)"))
        .isEqualTo("#/region/承德/" + indicator);
    List<WebElement> historyRows =
        driver.findElements(By.cssSelector("#history tbody tr:not(.prov-row)"));
    assertThat(historyRows)
        .extracting(r -> r.findElement(By.cssSelector("td")).getText())
        .containsExactly("2024", "2015");

    // as-of picker: mid-2020 the 2015 value was the valid one
    WebElement asOf = driver.findElement(By.id("as-of"));
    js(
        "arguments[0].value = '2020-06-30'; arguments[0].dispatchEvent(new Event('change', {bubbles: true}))",
        asOf);
    wait.until(ExpectedConditions.attributeToBe(By.id("as-of-result"), "data-as-of", "2020-06-30"));
    WebElement result = driver.findElement(By.id("as-of-result"));
    assertThat(result.getAttribute("data-value")).isEqualTo("6.12");
    assertThat(result.getAttribute("data-period")).isEqualTo("2015");
    assertThat(result.getText()).contains("6.12").contains("2015");
    assertThat(driver.findElement(By.id("chart")).getAttribute("data-as-of"))
        .isEqualTo("2020-06-30");
    // before any value: a clear message, not an error
    driver.findElement(By.xpath("//button[contains(@class,'chip') and text()='Latest']")).click();
    wait.until(ExpectedConditions.attributeToBe(By.id("as-of-result"), "data-as-of", "latest"));
    js(
        "arguments[0].value = '2010-01-01'; arguments[0].dispatchEvent(new Event('change', {bubbles: true}))",
        driver.findElement(By.id("as-of")));
    wait.until(ExpectedConditions.attributeToBe(By.id("as-of-result"), "data-as-of", "2010-01-01"));
    assertThat(driver.findElement(By.id("as-of-result")).getText())
        .contains("No value known as of 2010-01-01");
    driver.findElement(By.xpath("//button[contains(@class,'chip') and text()='2015']")).click();
    wait.until(ExpectedConditions.attributeToBe(By.id("as-of-result"), "data-value", "6.12"));

    // provenance on demand: article, sentence, raw text
    WebElement source =
        driver.findElement(By.cssSelector("#history tbody tr:not(.prov-row) button.link"));
    source.click();
    WebElement provenance =
        wait.until(
            ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#history .prov-row")));
    assertThat(provenance.findElement(By.cssSelector(".evidence")).getText())
        .contains("从6.12降至2024年的3.05");
    assertThat(provenance.getText()).contains("chengde-1").contains("2025-03-10");
    assertThat(provenance.findElement(By.cssSelector(".evidence mark")).getText()).contains("3.05");

    screenshot("dashboard.png");

    // an unknown region is a friendly empty state
    driver.get(base + "/#/region/" + enc("不存在的地方"));
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("state"), "Nothing here yet"));

    List<LogEntry> severe =
        driver.manage().logs().get(LogType.BROWSER).getAll().stream()
            .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
            .filter(e -> !e.getMessage().contains("404")) // the unknown region above
            .toList();
    assertThat(severe).as("browser console errors").isEmpty();
  }

  @Test
  void compareRegionsRankedAsOfADateFromTheIndicatorPage() throws Exception {
    Required.assumeAvailable(Required.BROWSER, noBrowser == null, noBrowser);
    String indicator = null;
    for (JsonNode i : json(get("/api/regions/" + enc("承德") + "/indicators")).get("indicators")) {
      if (i.get("indicatorLabel").asText().equals("空气质量综合指数")) {
        indicator = i.get("indicator").asText();
      }
    }
    assertThat(indicator).isNotNull();
    // from the indicator's page, one click to every region's value of it
    driver.get(base + "/#/region/" + enc("张家口") + "/" + enc(indicator));
    wait.until(ExpectedConditions.elementToBeClickable(By.id("compare-link"))).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#compare .cmp-row")));
    assertThat(rows("region")).containsExactly("承德", "张家口"); // 3.05 before 2.66
    assertThat(rows("value")).containsExactly("3.05", "2.66");
    assertThat(rows("period")).containsExactly("2024", "2024");
    // as of mid-2020 the earlier values held, and the order is theirs
    WebElement asOf = driver.findElement(By.id("cmp-as-of"));
    asOf.clear();
    asOf.sendKeys("2020-06-30");
    driver.findElement(By.cssSelector("#cmp-form button[type=submit]")).click();
    wait.until(d -> rows("period").equals(List.of("2015", "2014")));
    assertThat(rows("region")).containsExactly("承德", "张家口");
    assertThat(rows("value")).containsExactly("6.12", "5.09");
    // before any value: a plain empty state
    driver.get(base + "/#/compare/" + enc(indicator) + "?asOf=2010");
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("state"), "Nothing here yet: a comparison of"));
    screenshot("compare.png");
  }

  @Test
  void aRegionPageShowsANewIndicatorWhenItsChangeIsCommitted() throws Exception {
    Required.assumeAvailable(Required.BROWSER, noBrowser == null, noBrowser);
    driver.get(base + "/#/region/" + enc("承德"));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".ind")));
    wait.until(ExpectedConditions.attributeToBe(By.id("view"), "data-live", "on"));
    int before = driver.findElements(By.cssSelector(".ind")).size();
    post("chengde-live", "2025-03-20", "截至去年底，承德市数据中心项目达到7个。");
    WebDriverWait slow = new WebDriverWait(driver, Duration.ofSeconds(60));
    slow.until(d -> d.findElements(By.cssSelector(".ind")).size() == before + 1);
    assertThat(row("数据中心项目").findElement(By.cssSelector(".num")).getText()).isEqualTo("7");
    assertThat(driver.findElement(By.id("status")).getText()).contains("updated");
  }

  /** One data attribute of every row of the comparison table, in order. */
  private static List<String> rows(String attribute) {
    return driver.findElements(By.cssSelector("#compare .cmp-row")).stream()
        .map(e -> e.getAttribute("data-" + attribute))
        .toList();
  }

  private static WebElement card(String region) {
    return driver.findElement(By.cssSelector(".region-card[data-region='" + region + "']"));
  }

  private static WebElement row(String label) {
    return driver.findElements(By.cssSelector(".ind")).stream()
        .filter(e -> e.findElement(By.cssSelector(".ind-label")).getText().equals(label))
        .findFirst()
        .orElseThrow(
            () ->
                new AssertionError(
                    "no indicator row labelled "
                        + label
                        + " in "
                        + driver.findElement(By.id("indicator-list")).getText()));
  }

  private static Object js(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(script, args);
  }

  private static void screenshot(String name) throws Exception {
    Files.createDirectories(SCREENSHOTS);
    Path file = SCREENSHOTS.resolve(name);
    Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    assertThat(Files.size(file)).isGreaterThan(10_000);
  }

  static void post(String id, String published, String text) throws Exception {
    var r =
        Http.at(base)
            .post(
                "/api/articles?id=" + enc(id) + "&published=" + published,
                "text/plain; charset=utf-8",
                text);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
  }

  static HttpResponse<String> get(String path) {
    return Http.at(base).get(path);
  }
}
