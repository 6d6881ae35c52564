package landwatch.engine.state;

/** A problem that stops an element instance until someone resolves it. */
public final class Incident {
  public long key;
  public String errorType;
  public String errorMessage;
  public String state = "ACTIVE";
  public long elementInstanceKey;
  public long processInstanceKey;
  public long processDefinitionKey;
  public String bpmnProcessId;
  public String elementId;
  public long jobKey = -1;
  public long creationTime;
}
