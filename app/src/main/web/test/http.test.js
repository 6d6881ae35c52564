import { describe, expect, it } from 'vitest'
import { createApi, csrfToken, ProblemError } from '../src/logic/http.js'

function response(status, body) {
  return { status, ok: status >= 200 && status < 300, text: async () => (body === undefined ? '' : JSON.stringify(body)) }
}

describe('csrfToken', () => {
  it('reads Spring Security\'s cookie among others', () => {
    expect(csrfToken('a=1; XSRF-TOKEN=abc%3D%3D; b=2')).toBe('abc==')
  })

  it('is null without the cookie', () => {
    expect(csrfToken('a=1')).toBeNull()
    expect(csrfToken('')).toBeNull()
  })
})

describe('api', () => {
  it('sends the CSRF token with a change, not with a read', async () => {
    const calls = []
    const api = createApi({
      fetchImpl: async (path, init) => {
        calls.push({ path, init })
        return response(200, { ok: true })
      },
      cookies: () => 'XSRF-TOKEN=t0k'
    })
    await api('api/tasks')
    await api('api/tasks/1/claim', { method: 'POST' })
    expect(calls[0].init.headers['X-XSRF-TOKEN']).toBeUndefined()
    expect(calls[1].init.headers['X-XSRF-TOKEN']).toBe('t0k')
  })

  it('turns a denied completion into an error carrying the listener\'s reasons', async () => {
    const api = createApi({
      fetchImpl: async () =>
        response(422, { title: 'Completion denied', detail: '提交被拒绝：请选择判定类别', reasons: ['请选择判定类别'] }),
      cookies: () => ''
    })
    const failure = await api('api/tasks/1/completion', { method: 'POST', body: {} }).catch((e) => e)
    expect(failure).toBeInstanceOf(ProblemError)
    expect(failure.status).toBe(422)
    expect(failure.message).toBe('提交被拒绝：请选择判定类别')
    expect(failure.reasons).toEqual(['请选择判定类别'])
  })

  it('answers null for no content and tells when the session is gone', async () => {
    let signedOut = 0
    const statuses = [204, 401]
    const api = createApi({
      fetchImpl: async () => response(statuses.shift(), statuses.length ? undefined : { title: 'Unauthorized' }),
      cookies: () => '',
      onSignedOut: () => signedOut++
    })
    expect(await api('api/tasks/1/completion', { method: 'POST', body: {} })).toBeNull()
    await expect(api('api/me')).rejects.toBeInstanceOf(ProblemError)
    expect(signedOut).toBe(1)
  })
})

describe('api with a multipart form', () => {
  it('sends the form as it is, leaving its content type to the browser', async () => {
    let sent
    const api = createApi({
      fetchImpl: async (path, init) => {
        sent = init
        return response(201, { documentId: 'd1' })
      },
      cookies: () => 'XSRF-TOKEN=t'
    })
    const form = { kind: 'a FormData' }
    expect(await api('api/tasks/1/documents', { method: 'POST', form })).toEqual({ documentId: 'd1' })
    expect(sent.body).toBe(form)
    expect(sent.headers['Content-Type']).toBeUndefined()
    expect(sent.headers['X-XSRF-TOKEN']).toBe('t')
  })
})
