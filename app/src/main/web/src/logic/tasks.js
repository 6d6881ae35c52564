// What the tasklist computes from the API's answers: the query of its filters, the deadline badge
// of each task, and the data a task's form binds.

const FILTERS = ['kind', 'batch', 'region', 'assigned', 'overdue', 'order']

/** The query string of the filters, leaving out what does not narrow. */
export function taskQuery(filters, page, size) {
  const params = new URLSearchParams()
  for (const name of FILTERS) {
    const value = filters[name]
    if (value !== undefined && value !== null && value !== '' && value !== 'ANY') {
      params.set(name, String(value))
    }
  }
  params.set('page', String(page))
  params.set('size', String(size))
  return params.toString()
}

/**
 * How urgent a task is, as a message key with its count and a tag type: overdue in red, the last
 * three days in amber.
 */
export function deadlineBadge(task) {
  if (task.daysLeft === null || task.daysLeft === undefined) {
    return { key: 'deadline.none', count: 0, type: 'info' }
  }
  if (task.overdue || task.daysLeft < 0) {
    return { key: 'deadline.overdue', count: Math.max(1, -task.daysLeft), type: 'danger' }
  }
  if (task.daysLeft === 0) {
    return { key: 'deadline.today', count: 0, type: 'danger' }
  }
  return { key: 'deadline.left', count: task.daysLeft, type: task.daysLeft <= 3 ? 'warning' : 'info' }
}

/** The task's variables (each value JSON text, as the API gives them) as the form's data. */
export function formData(variables) {
  const data = {}
  for (const [name, text] of Object.entries(variables || {})) {
    try {
      data[name] = JSON.parse(text)
    } catch {
      data[name] = text
    }
  }
  return data
}

/**
 * Where each user starts: whoever works tasks (county officers, contractors, city reviewers) at the
 * tasklist; the province's managers and the administrators, who oversee, at the cockpit.
 */
export function landingPage(roles) {
  const works = (roles || []).some((role) => ['COUNTY_OFFICER', 'CONTRACTOR', 'CITY_REVIEWER'].includes(role))
  return works ? '/tasks' : '/cockpit'
}
