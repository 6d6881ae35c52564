// An import as the upload page runs it: the file sent with its upload progress (fetch reports
// none, hence XMLHttpRequest), the server's processing polled under an id the page chose, and the
// answer or the rejection's problem turned into what the page shows.

import { csrfToken, ProblemError } from './http.js'

/** A random id for ?progress=, so the page can ask how far its own import is. */
export function progressId(random = globalThis.crypto) {
  return random.randomUUID()
}

/**
 * POSTs the form, calling onUpload(fraction 0–1) as it goes up; resolves with the JSON answer,
 * rejects with a ProblemError (its problem keeps the rejected features' errors).
 */
export function sendWithProgress(url, form, { onUpload = () => {}, xhr = () => new XMLHttpRequest(), cookies = () => document.cookie } = {}) {
  return new Promise((resolve, reject) => {
    const request = xhr()
    request.open('POST', url)
    request.setRequestHeader('Accept', 'application/json')
    const token = csrfToken(cookies())
    if (token) {
      request.setRequestHeader('X-XSRF-TOKEN', token)
    }
    request.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) {
        onUpload(event.loaded / event.total)
      }
    }
    request.onload = () => {
      let body = null
      try {
        body = request.responseText ? JSON.parse(request.responseText) : null
      } catch {
        body = null
      }
      if (request.status >= 200 && request.status < 300) {
        onUpload(1)
        resolve(body)
      } else {
        reject(new ProblemError(request.status, body))
      }
    }
    request.onerror = () => reject(new ProblemError(0, { detail: 'network error' }))
    request.send(form)
  })
}

/** The server's side as a fraction, where the phase counts; null while it cannot say. */
export function processingFraction(view) {
  if (!view || !view.total) {
    return null
  }
  return Math.min(1, view.done / view.total)
}

/** True once the import has ended one way or the other, so polling can stop. */
export function ended(view) {
  return Boolean(view) && ['DONE', 'REJECTED', 'FAILED'].includes(view.phase)
}
