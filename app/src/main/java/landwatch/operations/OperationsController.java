package landwatch.operations;

import io.camunda.client.api.search.enums.ProcessInstanceState;
import java.util.List;
import java.util.Optional;
import landwatch.app.engine.DecisionAudit;
import landwatch.app.web.Paging;
import landwatch.spot.SpotStore;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The process view (运行监控): definitions with their diagrams and per-element counts, instance search,
 * an instance's path, variables, incidents and decisions, and repairs.
 */
@RestController
class OperationsController {

  private final ProcessView view;
  private final InstanceDetails details;
  private final InstanceRepairs repairs;
  private final SpotStore spots;

  OperationsController(
      ProcessView view, InstanceDetails details, InstanceRepairs repairs, SpotStore spots) {
    this.view = view;
    this.details = details;
    this.repairs = repairs;
    this.spots = spots;
  }

  @GetMapping("/api/processes")
  List<ProcessView.Definition> definitions() {
    return view.latestDefinitions();
  }

  @GetMapping(path = "/api/processes/{key}/xml", produces = MediaType.TEXT_XML_VALUE)
  String xml(@PathVariable long key) {
    return view.xml(key);
  }

  @GetMapping("/api/processes/{key}/statistics")
  List<ProcessView.ElementCount> statistics(@PathVariable long key) {
    return view.statistics(key);
  }

  /**
   * The definition's instances, newest first; {@code spot} finds the one instance of a spot by its
   * monitoring code, which is how an office names it.
   */
  @GetMapping("/api/processes/{key}/instances")
  ProcessView.InstancePage instances(
      @PathVariable long key,
      @RequestParam(required = false) ProcessInstanceState state,
      @RequestParam(required = false) Boolean incident,
      @RequestParam(required = false) String spot,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "20") int size) {
    Paging.check(page, size, 200);
    if (spot != null && !spot.isBlank()) {
      Optional<Long> instance = spots.processInstanceKey(spot.trim());
      List<ProcessView.InstanceRow> found =
          instance.map(view::instance).filter(row -> row.definitionKey() == key).stream().toList();
      return new ProcessView.InstancePage(found, found.size());
    }
    return view.instances(key, state, incident, page, size);
  }

  @GetMapping("/api/process-instances/{key}")
  InstanceDetails.Details instance(@PathVariable long key) {
    return details.of(key);
  }

  @GetMapping("/api/decision-instances/{id}")
  DecisionAudit decision(@PathVariable String id) {
    return view.decision(id);
  }

  @PostMapping("/api/incidents/{key}/resolution")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void resolve(@PathVariable long key) {
    repairs.resolve(key);
  }

  @PostMapping("/api/process-instances/{key}/modification")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void modify(@PathVariable long key, @RequestBody InstanceRepairs.Modification modification) {
    repairs.modify(key, modification);
  }
}
