package landwatch.engine.state;

/**
 * A row of a state table, held in the hot state. Every mutator of a row calls {@link #changed()},
 * which queues the row to be written with the batch, once however often it changes: no change can
 * be left out of the tables by a forgotten call. The fields here are bookkeeping, not row data
 * ({@code transient}: not in the row's JSON).
 */
abstract class StateRow {

  /** Where the row's changes go while it is part of the hot state; null before and after. */
  private transient StateChanges.TableChanges table;

  private transient boolean queued;

  abstract long key();

  /**
   * The row is now part of the hot state: written with this batch, and with every batch that
   * changes it.
   */
  final void track(StateChanges.TableChanges changes) {
    table = changes;
    changes.undelete(key());
    changed();
  }

  /** The row is deleted: later changes are not written. */
  final void untrack() {
    table = null;
  }

  final boolean isTracked() {
    return table != null;
  }

  /** Called by every mutator: the row is written with the batch that changed it. */
  protected final void changed() {
    if (!queued && table != null) {
      queued = true;
      table.queue(this);
    }
  }

  /** The batch applied its changes: the next change queues the row again. */
  final void written() {
    queued = false;
  }
}
