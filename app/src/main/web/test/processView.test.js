import { describe, expect, it } from 'vitest'
import { modification, overlayBadges, pathMarkers, terminable } from '../src/logic/processView.js'

describe('process diagram overlays', () => {
  it('badges only the elements where tokens wait or incidents hold them', () => {
    const badges = overlayBadges([
      { elementId: 'verify', active: 12, incidents: 0, completed: 3 },
      { elementId: 'check', active: 0, incidents: 2, completed: 40 },
      { elementId: 'start', active: 0, incidents: 0, completed: 55 }
    ])
    expect(badges).toEqual([
      { elementId: 'verify', active: 12, incidents: 0 },
      { elementId: 'check', active: 0, incidents: 2 }
    ])
  })
})

describe('an instance path', () => {
  it('marks what was completed, where it waits, where it is stuck and the flows taken', () => {
    const markers = pathMarkers({
      statistics: [
        { elementId: 'start', completed: 1, active: 0, incidents: 0 },
        { elementId: 'judge', completed: 0, active: 1, incidents: 1 }
      ],
      sequenceFlows: ['f1', 'f2']
    })
    expect([...markers.completed]).toEqual(['start'])
    expect([...markers.active]).toEqual(['judge'])
    expect([...markers.incident]).toEqual(['judge'])
    expect([...markers.flows]).toEqual(['f1', 'f2'])
  })

  it('offers only active element instances for termination', () => {
    expect(
      terminable([
        { key: 1, state: 'COMPLETED', type: 'START_EVENT' },
        { key: 2, state: 'ACTIVE', type: 'USER_TASK' },
        { key: 3, state: 'ACTIVE', type: 'PROCESS' }
      ]).map((e) => e.key)
    ).toEqual([2])
  })

  it('sends a modification only when something is chosen', () => {
    expect(modification(['verify'], ['22'])).toEqual({ activate: ['verify'], terminate: [22] })
    expect(modification([], [])).toBeNull()
  })
})
