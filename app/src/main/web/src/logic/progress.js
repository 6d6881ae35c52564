// The progress table's figures: the counts per county the API answers, and their sums for the
// province or city line, which must add up the same way the rows do.

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
  'countyErrors'
]

export function progressTotals(rows) {
  const totals = Object.fromEntries(PROGRESS_COUNTS.map((name) => [name, 0]))
  for (const row of rows || []) {
    for (const name of PROGRESS_COUNTS) {
      totals[name] += row[name] || 0
    }
  }
  return totals
}
