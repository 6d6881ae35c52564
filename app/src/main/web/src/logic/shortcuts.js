// The tasklist's keys, for officers who work a month's spots one after another: j / k (or the
// arrows) move to the next or previous task, c claims it, u gives it back, r reloads the list and
// / goes to the filters. Never while typing in a field, so the form's own keys are untouched.

const KEYS = {
  j: 'next',
  ArrowDown: 'next',
  k: 'previous',
  ArrowUp: 'previous',
  c: 'claim',
  u: 'unclaim',
  r: 'reload',
  '/': 'filter'
}

/** True where a key press belongs to what is being typed. */
export function typing(target) {
  if (!target) {
    return false
  }
  const tag = (target.tagName || '').toLowerCase()
  return tag === 'input' || tag === 'textarea' || tag === 'select' || Boolean(target.isContentEditable)
}

/** The tasklist action of a key press, or null when it is not one (or is typed into a field). */
export function shortcut(event) {
  if (event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) {
    return null
  }
  return KEYS[event.key] || null
}

/** The key of the task one step from the current one, staying within the page. */
export function step(tasks, currentKey, by) {
  if (!tasks || !tasks.length) {
    return null
  }
  const at = tasks.findIndex((task) => task.key === currentKey)
  if (at < 0) {
    return tasks[by > 0 ? 0 : tasks.length - 1].key
  }
  return tasks[Math.min(tasks.length - 1, Math.max(0, at + by))].key
}
