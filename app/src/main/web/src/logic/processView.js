// What the process diagrams show on top of the BPMN: per element the tokens waiting there and the
// incidents holding them, and for one instance the path it took.

/** Badges per element, only where something is waiting or stuck. */
export function overlayBadges(statistics) {
  return (statistics || [])
    .filter((s) => s.active > 0 || s.incidents > 0)
    .map((s) => ({ elementId: s.elementId, active: s.active, incidents: s.incidents }))
}

/**
 * The markers of one instance's diagram: elements it completed, where it waits now, where an
 * incident holds it, and the sequence flows it took.
 */
export function pathMarkers(details) {
  const completed = new Set()
  const active = new Set()
  const incident = new Set()
  for (const s of details.statistics || []) {
    if (s.completed > 0) {
      completed.add(s.elementId)
    }
    if (s.active > 0) {
      active.add(s.elementId)
    }
    if (s.incidents > 0) {
      incident.add(s.elementId)
    }
  }
  return { completed, active, incident, flows: new Set(details.sequenceFlows || []) }
}

/** The element instances that can be ended by a modification: those still active. */
export function terminable(elements) {
  return (elements || []).filter((e) => e.state === 'ACTIVE' && e.type !== 'PROCESS')
}

/** The modification as the API takes it; nothing chosen, nothing to send. */
export function modification(activate, terminate) {
  const body = { activate: [...(activate || [])], terminate: [...(terminate || [])].map(Number) }
  return body.activate.length || body.terminate.length ? body : null
}
