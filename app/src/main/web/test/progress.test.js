import { describe, expect, it } from 'vitest'
import { errorRate, isCityRow, PROGRESS_COUNTS, progressTotals, rowsAt } from '../src/logic/progress.js'

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

describe('drilling down the progress table', () => {
  const regions = [
    { code: '640000', parentCode: null },
    { code: '640100', parentCode: '640000' },
    { code: '640104', parentCode: '640100' },
    { code: '640105', parentCode: '640100' },
    { code: '640200', parentCode: '640000' },
    { code: '640202', parentCode: '640200' }
  ]
  const county = (regionCode, issued, countyDue, days) => ({
    regionCode,
    issued,
    verified: 1,
    reported: 1,
    countyErrors: 0,
    legal: 1,
    countyDue,
    provinceDue: '2026-12-25',
    daysToCountyDeadline: days,
    daysToProvinceDeadline: 20
  })
  const rows = [county('640104', 5, '2026-12-20', 15), county('640105', 3, '2026-12-18', 13), county('640202', 2, '2026-12-20', 15)]

  it('sums the counties of each city above the cities, the earliest due date kept', () => {
    const cities = rowsAt(rows, regions, null)
    expect(cities.map((r) => [r.regionCode, r.issued, r.counties, r.countyDue, r.daysToCountyDeadline])).toEqual([
      ['640100', 8, 2, '2026-12-18', 13],
      ['640200', 2, 1, '2026-12-20', 15]
    ])
    expect(cities[0].legal).toBe(2)
    expect(isCityRow(cities[0])).toBe(true)
    expect(rows[0].issued).toBe(5)
  })

  it("shows a city's counties when drilled into", () => {
    expect(rowsAt(rows, regions, '640100').map((r) => r.regionCode)).toEqual(['640104', '640105'])
    expect(isCityRow(rowsAt(rows, regions, '640100')[0])).toBe(false)
  })

  it('lists the counties themselves when they are all of one city', () => {
    expect(rowsAt(rows.slice(0, 2), regions, null)).toHaveLength(2)
  })

  it('gives the error rate over the spots reported', () => {
    expect(errorRate({ reported: 8, countyErrors: 1 })).toBe('12.5%')
    expect(errorRate({ reported: 3, countyErrors: 1 })).toBe('33.3%')
    expect(errorRate({ reported: 0, countyErrors: 0 })).toBeNull()
  })
})
