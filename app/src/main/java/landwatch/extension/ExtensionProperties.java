package landwatch.extension;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code landwatch.extensions.*}: who decides on a county's extension application and what one may
 * ask for.
 *
 * @param approvalChain the levels that decide, in order ({@code CITY}, {@code PROVINCE})
 * @param approvalChains a county's own chain, by county code, where it differs (宁东 may go to the
 *     province directly, say)
 * @param maxDays how many days past a spot's current county deadline an application may ask for
 * @param maxDocumentSize the largest written application accepted
 * @param appliedTimeToLive how long the engine keeps an application's start message, within which a
 *     repeated start is recognised as one
 * @param startRetryInterval how often applications whose start did not reach the engine are started
 *     again
 */
@ConfigurationProperties("landwatch.extensions")
public record ExtensionProperties(
    @DefaultValue({"CITY", "PROVINCE"}) List<String> approvalChain,
    Map<String, List<String>> approvalChains,
    @DefaultValue("30") int maxDays,
    @DefaultValue("20MB") DataSize maxDocumentSize,
    @DefaultValue("P60D") Duration appliedTimeToLive,
    @DefaultValue("1m") Duration startRetryInterval) {

  public ExtensionProperties {
    approvalChains = approvalChains == null ? Map.of() : Map.copyOf(approvalChains);
    // refused at binding, so the start fails naming the property
    ApprovalChain.of(approvalChain);
    approvalChains.values().forEach(ApprovalChain::of);
    if (maxDays < 1) {
      throw new IllegalArgumentException("landwatch.extensions.max-days must be at least 1");
    }
  }

  ApprovalChain chainFor(String countyCode) {
    return ApprovalChain.of(approvalChains.getOrDefault(countyCode, approvalChain));
  }
}
