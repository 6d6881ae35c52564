import { describe, expect, it } from 'vitest'
import { ended, processingFraction, sendWithProgress } from '../src/logic/importing.js'

class FakeRequest {
  constructor(status, body) {
    this.status = status
    this.responseText = body
    this.headers = {}
    this.upload = {}
  }
  open(method, url) {
    this.method = method
    this.url = url
  }
  setRequestHeader(name, value) {
    this.headers[name] = value
  }
  send(form) {
    this.sent = form
    this.upload.onprogress({ lengthComputable: true, loaded: 50, total: 200 })
    this.onload()
  }
}

describe('sendWithProgress', () => {
  it('posts with the CSRF token, reports the upload and resolves with the answer', async () => {
    const request = new FakeRequest(201, '{"batchId":7,"spotCount":3}')
    const fractions = []
    const answer = await sendWithProgress('api/batches?progress=x', 'FORM', {
      xhr: () => request,
      cookies: () => 'XSRF-TOKEN=abc',
      onUpload: (f) => fractions.push(f)
    })
    expect(answer).toEqual({ batchId: 7, spotCount: 3 })
    expect(request.method).toBe('POST')
    expect(request.headers['X-XSRF-TOKEN']).toBe('abc')
    expect(request.sent).toBe('FORM')
    expect(fractions).toEqual([0.25, 1])
  })

  it('rejects with the problem, keeping every bad feature', async () => {
    const problem = { detail: '批次未导入：1 处错误', errors: [{ index: 0, reasonZh: '缺少监测图斑编号' }] }
    const request = new FakeRequest(422, JSON.stringify(problem))
    await expect(sendWithProgress('api/batches', 'FORM', { xhr: () => request, cookies: () => '' })).rejects.toMatchObject({
      status: 422,
      message: '批次未导入：1 处错误',
      problem: { errors: [{ reasonZh: '缺少监测图斑编号' }] }
    })
    expect(request.headers['X-XSRF-TOKEN']).toBeUndefined()
  })

  it('rejects an answer that is not JSON with its status', async () => {
    const request = new FakeRequest(502, '<html>bad gateway</html>')
    await expect(sendWithProgress('api/layers/X', 'FORM', { xhr: () => request, cookies: () => '' })).rejects.toMatchObject({
      status: 502,
      message: 'HTTP 502'
    })
  })
})

describe('processing progress', () => {
  it('is a fraction only where the phase counts', () => {
    expect(processingFraction({ phase: 'CHECKING', done: 25, total: 100 })).toBe(0.25)
    expect(processingFraction({ phase: 'STORING', done: 0, total: 0 })).toBeNull()
    expect(processingFraction(null)).toBeNull()
  })

  it('ends when the import is done, rejected or failed', () => {
    expect(ended({ phase: 'CHECKING' })).toBe(false)
    expect(['DONE', 'REJECTED', 'FAILED'].every((phase) => ended({ phase }))).toBe(true)
  })
})
