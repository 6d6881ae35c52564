// The progress table's figures: the counts per county the API answers, and their sums for the
// province or city line, which must add up the same way the rows do.

export const JUDGMENTS = ['legal', 'illegal', 'other']

export const PROGRESS_COUNTS = [
  'issued',
  'verified',
  'reported',
  'underReview',
  'returned',
  'awaitingDirectJudgment',
  'corrected',
  'directlyJudged',
  'concluded',
  'overdue',
  'late',
  'countyErrors',
  'legal',
  'illegal',
  'other'
]

/** The counts shown as columns; the judgments are drawn as a chart instead. */
export const PROGRESS_COLUMNS = PROGRESS_COUNTS.filter((name) => !JUDGMENTS.includes(name))

export function progressTotals(rows) {
  const totals = Object.fromEntries(PROGRESS_COUNTS.map((name) => [name, 0]))
  for (const row of rows || []) {
    for (const name of PROGRESS_COUNTS) {
      totals[name] += row[name] || 0
    }
  }
  return totals
}

/**
 * A county's error rate (差错率): spots returned or overturned on review over those it reported,
 * as a percentage with one decimal; none reported, no rate.
 */
export function errorRate(row) {
  if (!row.reported) {
    return null
  }
  return `${(Math.round((row.countyErrors / row.reported) * 1000) / 10).toFixed(1)}%`
}

/**
 * The rows one drills into from a scope: a city's counties, or, above the cities, one row per city
 * summing its counties, its due dates the earliest of theirs. Regions is the tree as
 * {@code /api/regions} lists it; counties whose city is not known stay rows of their own.
 */
export function rowsAt(rows, regions, scope) {
  const parent = new Map((regions || []).map((r) => [r.code, r.parentCode]))
  if (scope) {
    return rows.filter((row) => row.regionCode === scope || parent.get(row.regionCode) === scope)
  }
  const cities = new Set(rows.map((row) => parent.get(row.regionCode)).filter(Boolean))
  if (cities.size <= 1) {
    return rows
  }
  const byCity = new Map()
  for (const row of rows) {
    const city = parent.get(row.regionCode) || row.regionCode
    const sum = byCity.get(city)
    if (!sum) {
      byCity.set(city, { ...row, regionCode: city, counties: 1 })
      continue
    }
    for (const name of PROGRESS_COUNTS) {
      sum[name] = (sum[name] || 0) + (row[name] || 0)
    }
    sum.counties += 1
    for (const due of ['countyDue', 'provinceDue']) {
      if (row[due] < sum[due]) {
        sum[due] = row[due]
      }
    }
    sum.daysToCountyDeadline = Math.min(sum.daysToCountyDeadline, row.daysToCountyDeadline)
    sum.daysToProvinceDeadline = Math.min(sum.daysToProvinceDeadline, row.daysToProvinceDeadline)
  }
  return [...byCity.values()]
}

/** True where a row stands for a city, so that clicking it opens its counties. */
export function isCityRow(row) {
  return row.counties !== undefined
}
