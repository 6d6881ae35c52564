package landwatch.engine.bpmn;

import landwatch.engine.bpmn.behavior.BpmnStateTransitions;
import landwatch.engine.bpmn.behavior.IncidentBehavior;
import landwatch.engine.bpmn.behavior.IncidentTypes;

/**
 * Why a lifecycle step or a job cannot go on, as the step that failed returns it (Zeebe's Failure).
 * It becomes an incident in one place: the element dispatch of {@link BpmnStateTransitions}, or the
 * job command that failed, through {@link IncidentBehavior}; the step to re-run on resolution is
 * the one that returned it. A step that went on returns null.
 *
 * @param errorType one of {@link IncidentTypes}
 */
public record Failure(String errorType, String message) {}
