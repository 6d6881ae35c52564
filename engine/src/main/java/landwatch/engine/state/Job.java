package landwatch.engine.state;

import java.util.Map;

/** A unit of work for a job worker, created when a job-based element is activated. */
public final class Job {

  public enum State { ACTIVATABLE, ACTIVATED, FAILED, ERROR_THROWN }

  public long key;
  public String type;
  public State state = State.ACTIVATABLE;
  public int retries;
  public String worker = "";
  public long deadline = -1;
  /** After a failure with back-off, activatable again from this time. */
  public long retryBackoffUntil = -1;
  public String errorMessage = "";
  public Map<String, String> customHeaders;
  public long elementInstanceKey;
  public long processInstanceKey;
  public long processDefinitionKey;
  public String bpmnProcessId;
  public int version;
  public String elementId;
}
