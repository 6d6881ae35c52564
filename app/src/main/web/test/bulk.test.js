import { describe, expect, it } from 'vitest'
import { bulkApproval, bulkSelectable, bulkSummary } from '../src/logic/bulk.js'

describe('bulkSelectable', () => {
  it('lets a reviewer tick city reviews nobody else holds', () => {
    expect(bulkSelectable({ kind: 'city-review', assignee: null }, 'r')).toBe(true)
    expect(bulkSelectable({ kind: 'city-review', assignee: 'r' }, 'r')).toBe(true)
    expect(bulkSelectable({ kind: 'city-review', assignee: 'other' }, 'r')).toBe(false)
    expect(bulkSelectable({ kind: 'judge', assignee: null }, 'r')).toBe(false)
  })
})

describe('bulkApproval', () => {
  it('approves the ticked tasks without a field spot-check', () => {
    expect(bulkApproval([3, 5])).toEqual({
      kind: 'city-review',
      tasks: [3, 5],
      variables: { decision: 'APPROVE', reasons: null, fieldCheck: false }
    })
  })
})

describe('bulkSummary', () => {
  it('counts the completed and says why each other was not', () => {
    expect(
      bulkSummary([
        { key: 1, result: 'COMPLETED', reasons: [] },
        { key: 2, result: 'DENIED', detail: '提交被拒绝：x', reasons: ['原因一', '原因二'] },
        { key: 3, result: 'REFUSED', detail: '任务已由 someone 认领', reasons: [] }
      ])
    ).toEqual({
      completed: 1,
      notCompleted: [
        { key: 2, why: '原因一；原因二' },
        { key: 3, why: '任务已由 someone 认领' }
      ]
    })
  })
})
