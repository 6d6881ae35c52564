package landwatch.engine.processinstance;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import landwatch.engine.bpmn.BpmnContext;
import landwatch.engine.bpmn.ProcessInstanceListener;
import landwatch.engine.processing.Batch;
import landwatch.engine.processing.DueWork;
import landwatch.engine.processing.Rejection;
import landwatch.engine.processing.RejectionType;
import landwatch.engine.state.ElementInstance;

/**
 * {@code awaitCompletion}: the creation request waits (without a thread) until its instance
 * completes, then answers with the instance's variables, once the completion has committed.
 */
public final class ProcessInstanceResults implements ProcessInstanceListener, DueWork {

  /** Thrown to a waiting request whose time ran out: the API answers 504. */
  public static final class Timeout extends RuntimeException {
    public Timeout(String message) {
      super(message, null, false, false);
    }
  }

  private record Waiter(
      List<String> fetchVariables,
      long expiresAtNanos,
      CompletableFuture<Map<String, Object>> result) {}

  private final BpmnContext ctx;
  private final Map<Long, List<Waiter>> waiters = new HashMap<>();

  /** The earliest expiry among the waiters, so they are only scanned when one is due. */
  private long nextExpiryNanos = Long.MAX_VALUE;

  public ProcessInstanceResults(BpmnContext ctx) {
    this.ctx = ctx;
  }

  public void await(
      long processInstanceKey,
      List<String> fetchVariables,
      long timeoutMillis,
      CompletableFuture<Map<String, Object>> result) {
    long expires = System.nanoTime() + timeoutMillis * 1_000_000;
    waiters
        .computeIfAbsent(processInstanceKey, k -> new ArrayList<>())
        .add(new Waiter(fetchVariables, expires, result));
    if (expires - nextExpiryNanos < 0) {
      nextExpiryNanos = expires;
    }
  }

  @Override
  public void onCompleted(ElementInstance processInstance) {
    List<Waiter> waiting = waiters.remove(processInstance.key());
    if (waiting == null) {
      return;
    }
    Map<String, Object> variables =
        new HashMap<>(ctx.state().variables().local(processInstance.key()));
    for (Waiter waiter : waiting) {
      Map<String, Object> selected = variables;
      if (waiter.fetchVariables() != null && !waiter.fetchVariables().isEmpty()) {
        selected = new HashMap<>();
        for (String name : waiter.fetchVariables()) {
          if (variables.containsKey(name)) {
            selected.put(name, variables.get(name));
          }
        }
      }
      Map<String, Object> answer = selected;
      ctx.batch().afterCommit(() -> waiter.result().complete(answer));
    }
  }

  @Override
  public void onTerminated(ElementInstance processInstance) {
    List<Waiter> waiting = waiters.remove(processInstance.key());
    if (waiting != null) {
      Rejection rejection =
          new Rejection(
              RejectionType.INVALID_STATE,
              "Expected to complete process instance '"
                  + processInstance.key()
                  + "', but it was terminated");
      waiting.forEach(
          w -> ctx.batch().afterCommit(() -> w.result().completeExceptionally(rejection)));
    }
  }

  @Override
  public long processDue(Batch batch) {
    long now = System.nanoTime();
    if (waiters.isEmpty()) {
      nextExpiryNanos = Long.MAX_VALUE;
      return Long.MAX_VALUE;
    }
    if (nextExpiryNanos != Long.MAX_VALUE && now - nextExpiryNanos < 0) {
      return (nextExpiryNanos - now) / 1_000_000 + 1;
    }
    long next = Long.MAX_VALUE;
    long earliest = Long.MAX_VALUE;
    Iterator<Map.Entry<Long, List<Waiter>>> entries = waiters.entrySet().iterator();
    while (entries.hasNext()) {
      Map.Entry<Long, List<Waiter>> entry = entries.next();
      Iterator<Waiter> waiting = entry.getValue().iterator();
      while (waiting.hasNext()) {
        Waiter waiter = waiting.next();
        if (waiter.expiresAtNanos() - now <= 0 || waiter.result().isDone()) {
          waiting.remove();
          batch.afterCommit(
              () ->
                  waiter
                      .result()
                      .completeExceptionally(
                          new Timeout(
                              "Expected to complete process instance '"
                                  + entry.getKey()
                                  + "' within the request timeout, but it did not")));
        } else {
          next = Math.min(next, (waiter.expiresAtNanos() - now) / 1_000_000 + 1);
          earliest =
              earliest == Long.MAX_VALUE || waiter.expiresAtNanos() - earliest < 0
                  ? waiter.expiresAtNanos()
                  : earliest;
        }
      }
      if (entry.getValue().isEmpty()) {
        entries.remove();
      }
    }
    nextExpiryNanos = earliest;
    return next;
  }

  /**
   * The instances were created and committed; whether and how they end is not known to the caller.
   */
  @Override
  public void shutDown() {
    waiters.forEach(
        (key, waiting) ->
            waiting.forEach(
                waiter ->
                    waiter
                        .result()
                        .completeExceptionally(
                            new Timeout(
                                "Expected to complete process instance '"
                                    + key
                                    + "' within the request timeout, but the engine is shutting"
                                    + " down; the instance was created and goes on after the restart"))));
    waiters.clear();
  }
}
