package landwatch.engine.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.model.bpmn.Bpmn;
import java.sql.SQLException;
import java.time.Duration;
import landwatch.engine.EngineProperties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * By default the history is kept forever, and records for 7 days: a clean-up deletes no instance,
 * however long ago it ended.
 */
class RetentionDefaultsTest extends EngineTest {

  @Autowired EngineProperties properties;

  @Test
  void byDefaultNoEndedInstanceIsDeleted() throws SQLException {
    assertThat(properties.retention().history()).isNull();
    assertThat(properties.retention().records()).isEqualTo(Duration.ofDays(7));
    String id = uniqueId("kept");
    deploy(Bpmn.createExecutableProcess(id).startEvent().endEvent().done());
    pinClock(System.currentTimeMillis() - Duration.ofDays(3650).toMillis());
    long endedLongAgo = start(id);
    client.newResetClockCommand().send().join();

    assertThat(engine.retention.run().rootInstances()).isZero();

    assertThat(processState(endedLongAgo)).isEqualTo("COMPLETED");
    assertThat(elementIds(endedLongAgo, "COMPLETED")).isNotEmpty();
  }
}
