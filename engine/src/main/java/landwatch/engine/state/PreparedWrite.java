package landwatch.engine.state;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * A batch's writes with every value captured ({@link StateStore#prepare}): run in the caller's
 * transaction, on whichever thread commits it.
 */
public final class PreparedWrite {

  /** One statement with its parameters. */
  @FunctionalInterface
  interface Step {
    void run(Connection c) throws SQLException;
  }

  private final List<Step> steps;
  private final boolean deploys;

  PreparedWrite(List<Step> steps, boolean deploys) {
    this.steps = List.copyOf(steps);
    this.deploys = deploys;
  }

  public void writeTo(Connection c) throws SQLException {
    for (Step step : steps) {
      step.run(c);
    }
  }

  /**
   * Whether the batch deploys (or purges): resources, processes or decisions that the next batches
   * may read from the tables, so they must be there first.
   */
  public boolean deploys() {
    return deploys;
  }
}
