package landwatch.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import landwatch.app.web.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The tasklist as a test reads and works it in the browser: its rows and the open task's form. */
public final class TasklistPage {

  private final Browser browser;

  public TasklistPage(Browser browser) {
    this.browser = browser;
  }

  /** Narrows the list to the batch and waits for as many rows. */
  public TasklistPage showBatch(long batchId, int rows) {
    // Vue hears typing, not WebElement.clear(): replace what is there by typing over it
    browser
        .find(By.cssSelector("input[aria-label=批次]"))
        .sendKeys(Keys.chord(Keys.CONTROL, "a"), String.valueOf(batchId));
    browser.find(By.cssSelector("[data-test=refresh]")).click();
    browser.until(
        ExpectedConditions.numberOfElementsToBe(By.cssSelector("[data-test=spot-code]"), rows));
    return this;
  }

  public List<String> codes() {
    return browser.driver().findElements(By.cssSelector("[data-test=spot-code]")).stream()
        .map(WebElement::getText)
        .toList();
  }

  public WebElement rowOf(String code) {
    List<WebElement> rows =
        browser.driver().findElements(By.cssSelector("[data-test=tasks] tbody tr")).stream()
            .filter(
                r ->
                    r.findElements(By.cssSelector("[data-test=spot-code]")).stream()
                        .anyMatch(c -> c.getText().equals(code)))
            .toList();
    assertThat(rows).as("row of " + code).hasSize(1);
    return rows.get(0);
  }

  /** Claims the spot's task and opens its form beside the list. */
  public TasklistPage claimAndOpen(String code) {
    rowOf(code).findElement(By.cssSelector("[data-test=claim]")).click();
    browser.until(d -> rowOf(code).findElements(By.cssSelector("[data-test=unclaim]")).size() == 1);
    rowOf(code).click();
    browser.find(By.cssSelector("[data-test=form] .fjs-form"));
    return this;
  }

  /** The form-js field whose label starts with the text. */
  public WebElement field(String label) {
    return browser.until(
        d ->
            d.findElements(By.cssSelector("[data-test=form] .fjs-form-field")).stream()
                .filter(
                    f ->
                        f.findElements(By.cssSelector(".fjs-form-field-label")).stream()
                            .anyMatch(l -> l.getText().startsWith(label)))
                .findFirst()
                .orElse(null));
  }

  /** Picks an option of a form-js select. */
  public void choose(String label, String option) {
    field(label).findElement(By.cssSelector(".fjs-input-group")).click();
    browser
        .find(
            By.xpath(
                "//div[contains(@class,'fjs-dropdownlist-item') and normalize-space()='"
                    + option
                    + "']"))
        .click();
  }

  /** Picks an option of a form-js radio group. */
  public void pick(String label, String option) {
    field(label).findElement(By.xpath(".//label[normalize-space()='" + option + "']")).click();
  }

  public void type(String label, String text) {
    WebElement field = field(label);
    List<WebElement> areas = field.findElements(By.tagName("textarea"));
    (areas.isEmpty() ? field.findElement(By.tagName("input")) : areas.get(0)).sendKeys(text);
  }

  public void submit() {
    browser.find(By.cssSelector("[data-test=submit]")).click();
  }

  /** Waits until the completed task has left the panel. */
  public void awaitCompleted() {
    browser.until(d -> d.findElements(By.cssSelector("[data-test=task-title]")).isEmpty());
  }
}
