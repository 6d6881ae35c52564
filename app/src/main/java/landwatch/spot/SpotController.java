package landwatch.spot;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import landwatch.app.engine.DecisionAudit;
import landwatch.app.web.Paging;
import landwatch.app.web.Spreadsheet;
import landwatch.audit.AuditTrail;
import landwatch.layer.ReferenceLayers;
import landwatch.region.Region;
import landwatch.region.RegionService;
import landwatch.spatial.Wkb;
import landwatch.spatial.io.Cgcs2000Crs;
import landwatch.spatial.io.Feature;
import landwatch.spatial.io.GeoJsonWriter;
import landwatch.user.CurrentUser;
import landwatch.user.Jurisdiction;
import landwatch.user.SignedInUser;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** A spot, only for users whose jurisdiction it lies in; for anyone else it does not exist. */
@RestController
@RequestMapping("/api/spots")
class SpotController {

  static final String GEO_JSON = "application/geo+json";

  /** A county's month is hundreds; a whole province's month is beyond what a page should draw. */
  static final int MAX_MAP_SPOTS = 5000;

  private final SpotStore spots;
  private final Jurisdiction jurisdiction;
  private final SpotQueries queries;
  private final RegionService regionService;
  private final ReferenceLayers layers;
  private final SpotEvidence evidence;

  SpotController(
      SpotStore spots,
      Jurisdiction jurisdiction,
      SpotQueries queries,
      RegionService regionService,
      ReferenceLayers layers,
      SpotEvidence evidence) {
    this.spots = spots;
    this.jurisdiction = jurisdiction;
    this.queries = queries;
    this.regionService = regionService;
    this.layers = layers;
    this.evidence = evidence;
  }

  /** Spots in my jurisdiction, filtered, newest batch first. */
  @GetMapping
  SpotListPage list(
      @ModelAttribute SpotFilter filter,
      @RequestParam(required = false) String region,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size) {
    Paging.check(page, size, 500);
    return queries.list(filter, within(region), page, size);
  }

  /** The same spots as the list, every page, as an .xlsx streamed as it is written. */
  @GetMapping("/export")
  ResponseEntity<StreamingResponseBody> export(
      @ModelAttribute SpotFilter filter, @RequestParam(required = false) String region) {
    Optional<List<String>> regions = within(region);
    SignedInUser user = CurrentUser.get();
    return Spreadsheet.download(
        "图斑清单.xlsx",
        "图斑清单",
        SpotExport.filters(
                filter,
                region == null || !regionService.exists(region)
                    ? region
                    : regionService.get(region).name())
            + "；范围："
            + user.unit().name()
            + "管辖区域",
        SpotExport.HEADERS,
        sink ->
            queries.forEach(
                filter, regions, spot -> sink.row(SpotExport.row(spot, regionService))));
  }

  /**
   * The selected spots' outlines as GeoJSON (CGCS2000 lon/lat) with their state, for the map of a
   * batch's spots; at most {@value #MAX_MAP_SPOTS}, and {@code truncated} says when there were
   * more.
   */
  @GetMapping(
      path = "/outlines",
      produces = {GEO_JSON, MediaType.APPLICATION_JSON_VALUE})
  byte[] outlines(
      @ModelAttribute SpotFilter filter, @RequestParam(required = false) String region) {
    List<Feature> features = new ArrayList<>();
    queries.forEachOutline(
        filter,
        within(region),
        MAX_MAP_SPOTS + 1,
        spot -> {
          Map<String, Object> properties = new LinkedHashMap<>();
          properties.put("monitoringCode", spot.monitoringCode());
          properties.put("state", spot.state().name());
          properties.put("overdue", spot.overdue());
          features.add(new Feature(features.size(), Wkb.read(spot.geometry()), properties));
        });
    boolean truncated = features.size() > MAX_MAP_SPOTS;
    List<Feature> shown = truncated ? features.subList(0, MAX_MAP_SPOTS) : features;
    if (truncated) {
      // the collection's own member would need a writer of its own: a marker feature says it
      Map<String, Object> marker = new LinkedHashMap<>();
      marker.put("truncated", true);
      marker.put("shown", MAX_MAP_SPOTS);
      shown = new ArrayList<>(shown);
      shown.add(new Feature(MAX_MAP_SPOTS, null, marker));
    }
    return new GeoJsonWriter(Cgcs2000Crs.geographic()).write(shown.iterator());
  }

  /** My jurisdiction, narrowed to a region and the units under it if one is asked for. */
  private Optional<List<String>> within(String region) {
    Optional<List<String>> regions = jurisdiction.regionCodes(CurrentUser.get());
    if (region == null) {
      return regions;
    }
    List<String> within = new ArrayList<>(List.of(region));
    regionService.unitsUnder(region).stream().map(Region::code).forEach(within::add);
    // a region outside my jurisdiction narrows to nothing, as if it had no spots
    return Optional.of(
        regions.map(mine -> within.stream().filter(mine::contains).toList()).orElse(within));
  }

  /** The spot as issued, with its state, every judgment made on it and its history. */
  @GetMapping("/{monitoringCode}")
  SpotPage details(@PathVariable String monitoringCode) {
    return new SpotPage(visible(monitoringCode), queries.lifecycle(monitoringCode));
  }

  record SpotPage(@JsonUnwrapped SpotDetails spot, @JsonUnwrapped SpotLifecycleView lifecycle) {}

  @GetMapping("/{monitoringCode}/spatial")
  SpotSpatialView spatial(@PathVariable String monitoringCode) {
    visible(monitoringCode);
    return spots
        .currentResult(monitoringCode)
        .map(result -> SpotSpatialView.of(monitoringCode, result))
        .orElseThrow(() -> new SpotNotFoundException(monitoringCode));
  }

  /**
   * The spot and the reference layers around it as GeoJSON in CGCS2000 lon/lat, for the map: the
   * current layer versions, which are what a recheck would use.
   */
  @GetMapping(
      path = "/{monitoringCode}/map",
      produces = {GEO_JSON, MediaType.APPLICATION_JSON_VALUE})
  byte[] map(@PathVariable String monitoringCode) {
    visible(monitoringCode);
    SpotRecord spot =
        spots.find(monitoringCode).orElseThrow(() -> new SpotNotFoundException(monitoringCode));
    return new GeoJsonWriter(Cgcs2000Crs.geographic())
        .write(
            SpotSurroundings.around(monitoringCode, spot.geometry(), layers.snapshot()).iterator());
  }

  /** The decisions the spot's instance evaluated: inputs, matched rules, outputs. */
  @GetMapping("/{monitoringCode}/decisions")
  List<DecisionAudit> decisions(@PathVariable String monitoringCode) {
    visible(monitoringCode);
    return evidence.decisions(monitoringCode);
  }

  /** A photo or document attached to the spot's work, for its preview. */
  @GetMapping("/{monitoringCode}/documents/{documentId}")
  ResponseEntity<byte[]> document(
      @PathVariable String monitoringCode, @PathVariable String documentId) {
    visible(monitoringCode);
    SpotEvidence.Document document =
        evidence
            .document(monitoringCode, documentId)
            .orElseThrow(
                () -> {
                  // asking a spot one may see for another's document is probing, not a slip
                  AuditTrail.refusing(
                      "document " + documentId + " is not part of spot " + monitoringCode);
                  return new SpotNotFoundException(monitoringCode + "/" + documentId);
                });
    MediaType type = MediaType.parseMediaType(document.mediaType());
    return ResponseEntity.ok()
        .contentType(type)
        .header("X-Content-Type-Options", "nosniff")
        // only pictures show in the page; a video or a PDF is downloaded, never rendered here
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            "image".equals(type.getType()) ? "inline" : "attachment")
        .cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePrivate())
        .body(document.content());
  }

  private SpotDetails visible(String monitoringCode) {
    SpotDetails spot =
        spots.details(monitoringCode).orElseThrow(() -> new SpotNotFoundException(monitoringCode));
    SignedInUser user = CurrentUser.get();
    jurisdiction.require(
        user,
        spot.regionCode(),
        "spot " + monitoringCode,
        () -> new SpotNotFoundException(monitoringCode));
    return spot;
  }
}
