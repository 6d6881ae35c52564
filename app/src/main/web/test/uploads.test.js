import { describe, expect, it } from 'vitest'
import { submittable, withDocumentReferences } from '../src/logic/uploads.js'

describe('withDocumentReferences', () => {
  it('replaces each file key by its references, also inside lists and groups', () => {
    const data = {
      landUse: '建设用地',
      photos: 'files::a',
      evidence: { justification: 'files::b' },
      rows: [{ attachment: 'files::a' }],
      fieldNotes: 'files::unknown stays text'
    }
    expect(withDocumentReferences(data, { 'files::a': [{ documentId: '1' }], 'files::b': [{ documentId: '2' }] })).toEqual({
      landUse: '建设用地',
      photos: [{ documentId: '1' }],
      evidence: { justification: [{ documentId: '2' }] },
      rows: [{ attachment: [{ documentId: '1' }] }],
      fieldNotes: 'files::unknown stays text'
    })
  })
})

describe('submittable', () => {
  it('uploads every picked file once, in order, and submits their references', async () => {
    const uploaded = []
    const files = new Map([
      ['files::p', [{ name: '1.jpg' }, { name: '2.jpg' }]],
      ['files::v', [{ name: 'clip.mp4' }]]
    ])
    const data = await submittable({ photos: 'files::p', videos: 'files::v', latitude: 38.4 }, files, async (file) => {
      uploaded.push(file.name)
      return { documentId: file.name }
    })
    expect(uploaded).toEqual(['1.jpg', '2.jpg', 'clip.mp4'])
    expect(data).toEqual({
      photos: [{ documentId: '1.jpg' }, { documentId: '2.jpg' }],
      videos: [{ documentId: 'clip.mp4' }],
      latitude: 38.4
    })
  })

  it('submits the data as it is when nothing was picked', async () => {
    expect(await submittable({ photos: null }, new Map(), async () => ({}))).toEqual({ photos: null })
  })
})
