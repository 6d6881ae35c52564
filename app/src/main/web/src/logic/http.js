// The application's API as the pages call it: same-origin, the session cookie, Spring Security's
// CSRF token echoed from its cookie on every change, and problem details turned into errors
// carrying their Chinese detail and, for a denied completion, the task listener's reasons.

export function csrfToken(cookies) {
  for (const part of (cookies || '').split(';')) {
    const [name, ...value] = part.trim().split('=')
    if (name === 'XSRF-TOKEN') {
      return decodeURIComponent(value.join('='))
    }
  }
  return null
}

export class ProblemError extends Error {
  constructor(status, problem) {
    super((problem && (problem.detail || problem.title)) || `HTTP ${status}`)
    this.status = status
    this.problem = problem || {}
    this.reasons = Array.isArray(this.problem.reasons) ? this.problem.reasons : []
  }
}

export function createApi({ fetchImpl = globalThis.fetch, cookies = () => document.cookie, onSignedOut } = {}) {
  return async function api(path, { method = 'GET', body, form } = {}) {
    const headers = { Accept: 'application/json' }
    if (method !== 'GET') {
      const token = csrfToken(cookies())
      if (token) {
        headers['X-XSRF-TOKEN'] = token
      }
    }
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json'
    }
    // a multipart form gets its boundary from the browser
    const response = await fetchImpl(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: form !== undefined ? form : body === undefined ? undefined : JSON.stringify(body)
    })
    if (response.status === 401 && onSignedOut) {
      onSignedOut()
    }
    if (response.status === 204) {
      return null
    }
    const text = await response.text()
    const json = text ? JSON.parse(text) : null
    if (!response.ok) {
      throw new ProblemError(response.status, json)
    }
    return json
  }
}
