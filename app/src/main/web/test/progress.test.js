import { describe, expect, it } from 'vitest'
import { PROGRESS_COUNTS, progressTotals } from '../src/logic/progress.js'

describe('progressTotals', () => {
  it('sums every count over the counties', () => {
    const rows = [
      { regionCode: '640104', issued: 10, verified: 7, reported: 5, overdue: 2, countyErrors: 1 },
      { regionCode: '640105', issued: 4, verified: 4, reported: 4, overdue: 0, late: 1 }
    ]
    const totals = progressTotals(rows)
    expect(totals.issued).toBe(14)
    expect(totals.verified).toBe(11)
    expect(totals.reported).toBe(9)
    expect(totals.overdue).toBe(2)
    expect(totals.late).toBe(1)
    expect(totals.countyErrors).toBe(1)
    expect(Object.keys(totals)).toEqual(PROGRESS_COUNTS)
  })

  it('is all zeros without rows', () => {
    expect(Object.values(progressTotals([])).every((n) => n === 0)).toBe(true)
  })
})
