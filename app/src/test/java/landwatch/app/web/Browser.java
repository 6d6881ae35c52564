package landwatch.app.web;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through its chromedriver (never a downloaded one), at an office
 * screen's 1366×768, in Chinese. Screenshots go to {@code target/screenshots}, kept as test
 * artefacts. The flags keep Chromium off the network this machine does not have.
 */
public final class Browser implements AutoCloseable {

  private static final Path SCREENSHOTS = Path.of("target", "screenshots");
  private static final Duration WAIT = Duration.ofSeconds(20);

  private final ChromeDriver driver;
  private final Path profile;
  private final Path downloads;
  private final String root;

  private Browser(ChromeDriver driver, Path profile, Path downloads, String root) {
    this.driver = driver;
    this.profile = profile;
    this.downloads = downloads;
    this.root = root;
  }

  /** A fresh browser (no cookies) on the application at the root URL. */
  public static Browser open(String root) {
    String chromium = System.getProperty("landwatch.chromium", "/usr/bin/chromium");
    String chromedriver = System.getProperty("landwatch.chromedriver", "/usr/bin/chromedriver");
    if (!Files.isExecutable(Path.of(chromium)) || !Files.isExecutable(Path.of(chromedriver))) {
      throw new IllegalStateException(
          "The browser tests need Debian's Chromium and its driver at "
              + chromium
              + " and "
              + chromedriver
              + ": apt-get install chromium chromium-driver fonts-wqy-microhei"
              + " (or -Dlandwatch.chromium=… -Dlandwatch.chromedriver=…)");
    }
    try {
      Path profile = Files.createTempDirectory("landwatch-chromium");
      Path downloads = Files.createDirectories(profile.resolve("downloads"));
      ChromeOptions options = new ChromeOptions();
      options.setExperimentalOption(
          "prefs",
          Map.of(
              "download.default_directory",
              downloads.toString(),
              "download.prompt_for_download",
              false));
      options.setBinary(chromium);
      options.addArguments(
          "--headless=new",
          "--no-sandbox",
          "--disable-gpu",
          "--disable-quic",
          "--no-first-run",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
          "--window-size=1366,768",
          "--lang=zh-CN",
          "--user-data-dir=" + profile);
      ChromeDriverService service =
          new ChromeDriverService.Builder()
              .usingDriverExecutable(new File(chromedriver))
              .usingAnyFreePort()
              .build();
      return new Browser(
          new ChromeDriver(service, options), profile, downloads, root.replaceAll("/$", ""));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public void go(String path) {
    driver.get(root + path);
  }

  /** Signs in on the application's sign-in page and waits for the web application. */
  public void signIn(String username, String password) {
    go("/login");
    find(By.id("username")).sendKeys(username);
    find(By.id("password")).sendKeys(password);
    find(By.cssSelector("button[type=submit]")).click();
    find(By.cssSelector("[data-test=me]"));
  }

  public WebElement find(By by) {
    return until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  /** Waits for the condition; on a timeout keeps the page's picture and source to see why. */
  public <T> T until(ExpectedCondition<T> condition) {
    try {
      return new WebDriverWait(driver, WAIT).until(condition);
    } catch (TimeoutException e) {
      String name = "timeout-" + System.currentTimeMillis();
      screenshot(name);
      try {
        Files.writeString(SCREENSHOTS.resolve(name + ".html"), driver.getPageSource());
      } catch (IOException io) {
        e.addSuppressed(io);
      }
      throw e;
    }
  }

  public ChromeDriver driver() {
    return driver;
  }

  /** The file the page downloaded whose name ends so, once it is complete. */
  public Path awaitDownload(String suffix) {
    return until(
        d -> {
          try (Stream<Path> files = Files.list(downloads)) {
            return files
                .filter(f -> f.getFileName().toString().endsWith(suffix))
                .findFirst()
                .orElse(null);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }

  /** Keeps what the page shows now as {@code target/screenshots/<name>.png}. */
  public Path screenshot(String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      Path target = SCREENSHOTS.resolve(name + ".png");
      Files.copy(
          driver.getScreenshotAs(OutputType.FILE).toPath(),
          target,
          StandardCopyOption.REPLACE_EXISTING);
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    driver.quit();
    try (Stream<Path> files = Files.walk(profile)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
