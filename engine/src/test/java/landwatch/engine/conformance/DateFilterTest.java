package landwatch.engine.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.search.filter.ElementInstanceFilter;
import io.camunda.client.api.search.filter.ProcessInstanceFilter;
import io.camunda.client.api.search.filter.builder.DateTimeProperty;
import io.camunda.client.api.search.response.ElementInstance;
import io.camunda.client.api.search.response.Incident;
import io.camunda.client.api.search.response.ProcessInstance;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The date filters as camunda-client-java 8.8 sends them ({@code DateTimeProperty}: ISO 8601 with
 * an offset, seconds and fractions only when not zero), on process instances, element instances and
 * incidents, at the engine's pinned clock.
 */
class DateFilterTest extends EngineTest {

  private static final Instant T0 = Instant.parse("2025-04-01T08:00:00Z");
  private static final ZoneOffset NINGXIA = ZoneOffset.ofHours(8);

  private String id;
  private long first;
  private long second;

  /**
   * {@code first} starts at T0 and completes at T0+2h; {@code second} starts at T0+1h and gets an
   * incident at T0+3h.
   */
  @BeforeEach
  void twoInstancesAtPinnedTimes() {
    id = uniqueId("dates");
    deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent("start")
            .serviceTask("work", t -> t.zeebeJobType(id))
            .endEvent("end")
            .done());
    pinClock(T0.toEpochMilli());
    first = start(id);
    pinClock(T0.plus(Duration.ofHours(1)).toEpochMilli());
    second = start(id);
    pinClock(T0.plus(Duration.ofHours(2)).toEpochMilli());
    long firstJob =
        activate(id, 2).stream()
            .filter(j -> j.getProcessInstanceKey() == first)
            .findFirst()
            .orElseThrow()
            .getKey();
    client.newCompleteCommand(firstJob).variables(Map.of()).send().join();
    pinClock(T0.plus(Duration.ofHours(3)).toEpochMilli());
    // the job activated at T0+2h has timed out by now: activating it again makes it failable
    client.newFailCommand(jobOf(second)).retries(0).errorMessage("no retries left").send().join();
  }

  @Test
  void processInstanceStartDateComparisons() {
    assertThat(startedWhere(d -> d.gt(at(T0)))).containsExactly(second);
    assertThat(startedWhere(d -> d.gte(at(T0)))).containsExactly(first, second);
    assertThat(startedWhere(d -> d.lt(at(T0.plus(Duration.ofHours(1)))))).containsExactly(first);
    assertThat(startedWhere(d -> d.lte(at(T0.plus(Duration.ofHours(1))))))
        .containsExactly(first, second);
    assertThat(startedWhere(d -> d.eq(at(T0)))).containsExactly(first);
    assertThat(startedWhere(d -> d.neq(at(T0)))).containsExactly(second);
    assertThat(startedWhere(d -> d.in(at(T0), at(T0.plus(Duration.ofHours(1))))))
        .containsExactly(first, second);
    assertThat(startedWhere(d -> d.in(at(T0.plus(Duration.ofMinutes(1)))))).isEmpty();
    assertThat(startedWhere(d -> d.gt(at(T0)).lt(at(T0.plus(Duration.ofHours(2))))))
        .containsExactly(second);
    assertThat(instances(f -> f.startDate(at(T0)))).containsExactly(first);
  }

  @Test
  void offsetsAndFractionsAreExact() {
    // "2025-04-01T16:00+08:00" is T0; the client leaves out zero seconds and fractions
    OffsetDateTime inNingxia = T0.atOffset(NINGXIA);
    assertThat(inNingxia.toString()).isEqualTo("2025-04-01T16:00+08:00");
    assertThat(startedWhere(d -> d.eq(inNingxia))).containsExactly(first);
    assertThat(startedWhere(d -> d.gt(inNingxia))).containsExactly(second);
    // a nanosecond after T0 is after the first start, though both round to the same millisecond
    OffsetDateTime justAfter = T0.plusNanos(1).atOffset(ZoneOffset.ofHoursMinutes(-3, -30));
    assertThat(justAfter.toString()).isEqualTo("2025-04-01T04:30:00.000000001-03:30");
    assertThat(startedWhere(d -> d.lt(justAfter))).containsExactly(first);
    assertThat(startedWhere(d -> d.gte(justAfter))).containsExactly(second);
    assertThat(startedWhere(d -> d.eq(justAfter))).isEmpty();
    assertThat(
            startedWhere(d -> d.lte(T0.minusMillis(1).plusNanos(999_999).atOffset(ZoneOffset.UTC))))
        .isEmpty();
    assertThat(
            startedWhere(d -> d.gte(T0.minusMillis(1).plusNanos(999_999).atOffset(ZoneOffset.UTC))))
        .containsExactly(first, second);
  }

  @Test
  void processInstanceEndDateExistsAndCompares() {
    assertThat(instances(f -> f.endDate(d -> d.exists(true)))).containsExactly(first);
    assertThat(instances(f -> f.endDate(d -> d.exists(false)))).containsExactly(second);
    assertThat(instances(f -> f.endDate(d -> d.lte(at(T0.plus(Duration.ofHours(2)))))))
        .containsExactly(first);
    assertThat(instances(f -> f.endDate(d -> d.lt(at(T0.plus(Duration.ofHours(2))))))).isEmpty();
  }

  @Test
  void elementInstanceStartAndEndDates() {
    assertThat(elementsOf(first, f -> f.startDate(d -> d.gt(at(T0))))).containsExactly("end");
    assertThat(elementsOf(first, f -> f.endDate(d -> d.gte(at(T0.plus(Duration.ofHours(2)))))))
        .contains("work", "end");
    assertThat(elementsOf(first, f -> f.endDate(d -> d.eq(at(T0))))).doesNotContain("work", "end");
    assertThat(elementsOf(second, f -> f.endDate(d -> d.exists(false)))).containsExactly("work");
    assertThat(elementsOf(second, f -> f.startDate(d -> d.lt(at(T0.plus(Duration.ofHours(1)))))))
        .isEmpty();
  }

  @Test
  void incidentCreationTime() {
    Instant failedAt = T0.plus(Duration.ofHours(3));
    assertThat(incidentsOfSecond(d -> d.eq(failedAt.atOffset(ZoneOffset.ofHours(2))))).hasSize(1);
    assertThat(incidentsOfSecond(d -> d.gte(at(failedAt)))).hasSize(1);
    assertThat(incidentsOfSecond(d -> d.lt(at(failedAt)))).isEmpty();
    assertThat(incidentsOfSecond(d -> d.exists(true).neq(at(T0)))).hasSize(1);
  }

  private static OffsetDateTime at(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  private long jobOf(long processInstance) {
    return activate(id, 1).stream()
        .filter(j -> j.getProcessInstanceKey() == processInstance)
        .findFirst()
        .orElseThrow()
        .getKey();
  }

  private List<Long> startedWhere(Consumer<DateTimeProperty> date) {
    return instances(f -> f.startDate(date));
  }

  private List<Long> instances(Consumer<ProcessInstanceFilter> filter) {
    return client
        .newProcessInstanceSearchRequest()
        .filter(
            f -> {
              f.processDefinitionId(id);
              filter.accept(f);
            })
        .sort(s -> s.processInstanceKey().asc())
        .send()
        .join()
        .items()
        .stream()
        .map(ProcessInstance::getProcessInstanceKey)
        .toList();
  }

  private List<String> elementsOf(long processInstance, Consumer<ElementInstanceFilter> filter) {
    return client
        .newElementInstanceSearchRequest()
        .filter(
            f -> {
              f.processInstanceKey(processInstance);
              filter.accept(f);
            })
        .sort(s -> s.elementInstanceKey().asc())
        .send()
        .join()
        .items()
        .stream()
        .map(ElementInstance::getElementId)
        .toList();
  }

  private List<Incident> incidentsOfSecond(Consumer<DateTimeProperty> creationTime) {
    return client
        .newIncidentSearchRequest()
        .filter(f -> f.processInstanceKey(second).creationTime(creationTime))
        .send()
        .join()
        .items();
  }
}
