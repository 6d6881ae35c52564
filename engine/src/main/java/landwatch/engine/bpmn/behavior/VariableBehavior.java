package landwatch.engine.bpmn.behavior;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import landwatch.engine.bpmn.BpmnContext;
import landwatch.engine.feel.FeelResult;
import landwatch.engine.model.ExecutableElement;
import landwatch.engine.model.Mapping;
import landwatch.engine.record.intent.VariableIntent;
import landwatch.engine.state.ElementInstance;

/**
 * Variable scopes as Zeebe documents them: every element instance is a scope; a scope sees its own
 * variables and those of its ancestors up to the process instance; merged variables propagate
 * upwards to the closest scope that already holds a variable of that name, else to the process
 * instance; local variables are set in the given scope only.
 */
public final class VariableBehavior {

  private final BpmnContext ctx;

  public VariableBehavior(BpmnContext ctx) {
    this.ctx = ctx;
  }

  /** Every variable visible from the scope, the innermost shadowing the outer ones. */
  public Map<String, Object> visible(long scopeKey) {
    List<Map<String, Object>> chain = new ArrayList<>();
    ElementInstance scope = ctx.state().instances().get(scopeKey);
    while (scope != null) {
      chain.add(ctx.state().variables().local(scope.key()));
      scope = scope.flowScopeKey() < 0 ? null : ctx.state().instances().get(scope.flowScopeKey());
    }
    Map<String, Object> visible = new HashMap<>();
    for (int i = chain.size() - 1; i >= 0; i--) {
      visible.putAll(chain.get(i));
    }
    return visible;
  }

  public void setLocal(ElementInstance scope, String name, Object value) {
    Map<String, Object> local = ctx.state().variables().local(scope.key());
    boolean exists = local.containsKey(name);
    if (exists && Objects.equals(local.get(name), value)) {
      return;
    }
    long key =
        ctx.state()
            .variables()
            .set(scope.key(), scope.processInstanceKey(), name, value, ctx::nextKey);
    record(key, scope, name, value, exists ? VariableIntent.UPDATED : VariableIntent.CREATED);
  }

  /**
   * Sets an existing local variable to a value the caller goes on changing within the batch; the
   * caller records it once, with {@link #recordUpdate}, when it has its final value (a
   * multi-instance's output collection, changed by every inner instance).
   */
  public void setLocalUnrecorded(ElementInstance scope, String name, Object value) {
    ctx.state().variables().set(scope.key(), scope.processInstanceKey(), name, value, ctx::nextKey);
  }

  public void recordUpdate(ElementInstance scope, String name, Object value) {
    record(
        ctx.state().variables().key(scope.key(), name), scope, name, value, VariableIntent.UPDATED);
  }

  /** Keyed by the variable, as Zeebe's VARIABLE records are. */
  private void record(
      long key, ElementInstance scope, String name, Object value, VariableIntent intent) {
    Map<String, Object> record = new LinkedHashMap<>();
    record.put("name", name);
    record.put("value", value);
    record.put("scopeKey", scope.key());
    record.put("processInstanceKey", scope.processInstanceKey());
    ctx.records().append(key, intent, record);
  }

  public void setLocalDocument(ElementInstance scope, Map<String, Object> document) {
    if (document != null) {
      document.forEach((name, value) -> setLocal(scope, name, value));
    }
  }

  /** Merges with propagation, starting at the given scope. */
  public void merge(ElementInstance scope, Map<String, Object> document) {
    if (document == null) {
      return;
    }
    for (Map.Entry<String, Object> variable : document.entrySet()) {
      ElementInstance target = scope;
      ElementInstance root = scope;
      while (target != null
          && !ctx.state().variables().local(target.key()).containsKey(variable.getKey())) {
        root = target;
        target =
            target.flowScopeKey() < 0 ? null : ctx.state().instances().get(target.flowScopeKey());
      }
      setLocal(target != null ? target : root, variable.getKey(), variable.getValue());
    }
  }

  /**
   * Input mappings: evaluated in the instance's context (its flow scope's variables, plus a
   * multi-instance's input element), each seeing the inputs before it, and set as local variables
   * of the instance. Returns the failure, or null.
   */
  public String applyInputMappings(ExecutableElement element, ElementInstance instance) {
    if (element.inputs.isEmpty()) {
      return null;
    }
    Mapped mapped = evaluate(element.inputs, visible(instance.key()), "input");
    if (mapped.failure() != null) {
      return mapped.failure();
    }
    setLocalDocument(instance, mapped.result());
    return null;
  }

  /**
   * What an element hands back when it completes: with output mappings, the event or job variables
   * become local to the instance, the mappings are evaluated there (each seeing the results before
   * it) and their results merged from the flow scope up, or from the instance itself for an inner
   * multi-instance activity, whose output element reads them; without output mappings, the
   * variables are merged from the instance up.
   */
  public String applyOutput(
      ExecutableElement element, ElementInstance instance, Map<String, Object> variables) {
    if (element.outputs.isEmpty()) {
      if (variables != null && !variables.isEmpty()) {
        merge(instance, variables);
      }
      return null;
    }
    setLocalDocument(instance, variables);
    Mapped mapped = evaluate(element.outputs, visible(instance.key()), "output");
    if (mapped.failure() != null) {
      return mapped.failure();
    }
    boolean innerOfMultiInstance = element.isMultiInstance() && instance.loopCounter() > 0;
    ElementInstance target = innerOfMultiInstance ? instance : ctx.flowScope(instance);
    if (target != null) {
      merge(target, mapped.result());
    }
    return null;
  }

  /** The mappings' results, or why they failed: one of the two is null. */
  private record Mapped(Map<String, Object> result, String failure) {}

  /**
   * Evaluates mappings in order, each seeing the results before it, and checks their results
   * against the variable limits.
   */
  private Mapped evaluate(List<Mapping> mappings, Map<String, Object> context, String kind) {
    Map<String, Object> result = new LinkedHashMap<>();
    for (Mapping mapping : mappings) {
      FeelResult value = ctx.evaluate(mapping.source(), context);
      if (value.isFailure()) {
        return new Mapped(
            null,
            "Failed to evaluate "
                + kind
                + " mapping '"
                + mapping.source().feel()
                + "': "
                + value.failure());
      }
      assign(result, context, mapping.target(), value.value());
      context.put(rootName(mapping.target()), result.get(rootName(mapping.target())));
    }
    String exceeded = exceedsLimits(result);
    if (exceeded != null) {
      return new Mapped(null, "Failed to apply the " + kind + " mappings: " + exceeded);
    }
    return new Mapped(result, null);
  }

  /**
   * Why variables the engine produced (FEEL results, mapped values, collected outputs) may not be
   * stored, or null: they must pass the limits a request's variables pass, so that every job that
   * sees them can still be delivered.
   */
  public String exceedsLimits(Map<String, Object> produced) {
    return ctx.variableLimits.violation(produced);
  }

  /**
   * Sets {@code a.b.c = value}, starting from the existing value of {@code a} if it is an object.
   */
  @SuppressWarnings("unchecked")
  static void assign(
      Map<String, Object> result, Map<String, Object> context, String target, Object value) {
    String[] path = target.trim().split("\\.");
    if (path.length == 1) {
      result.put(path[0], value);
      return;
    }
    Object existing = result.containsKey(path[0]) ? result.get(path[0]) : context.get(path[0]);
    Map<String, Object> root =
        existing instanceof Map<?, ?> map
            ? deepCopy((Map<String, Object>) map)
            : new LinkedHashMap<>();
    Map<String, Object> node = root;
    for (int i = 1; i < path.length - 1; i++) {
      Object child = node.get(path[i]);
      Map<String, Object> next =
          child instanceof Map<?, ?> m ? (Map<String, Object>) m : new LinkedHashMap<>();
      node.put(path[i], next);
      node = next;
    }
    node.put(path[path.length - 1], value);
    result.put(path[0], root);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> deepCopy(Map<String, Object> map) {
    Map<String, Object> copy = new LinkedHashMap<>();
    map.forEach(
        (k, v) -> copy.put(k, v instanceof Map<?, ?> m ? deepCopy((Map<String, Object>) m) : v));
    return copy;
  }

  private static String rootName(String target) {
    int dot = target.indexOf('.');
    return (dot < 0 ? target : target.substring(0, dot)).trim();
  }
}
