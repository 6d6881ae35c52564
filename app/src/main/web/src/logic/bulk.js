// Bulk approval: which tasks may be ticked, what is submitted for each, and what came of it.

/** The only kind offices approve in bulk: the city's desk review of sampled spots. */
export const BULK_KIND = 'city-review'

export function bulkSelectable(task, username) {
  return task.kind === BULK_KIND && (!task.assignee || task.assignee === username)
}

/** Approval as the review form would submit it, without a field spot-check. */
export function bulkApproval(keys) {
  return { kind: BULK_KIND, tasks: keys, variables: { decision: 'APPROVE', reasons: null, fieldCheck: false } }
}

/** The outcomes counted, with a line for every task not completed. */
export function bulkSummary(outcomes) {
  const summary = { completed: 0, notCompleted: [] }
  for (const outcome of outcomes || []) {
    if (outcome.result === 'COMPLETED') {
      summary.completed++
    } else {
      const why = outcome.reasons && outcome.reasons.length ? outcome.reasons.join('；') : outcome.detail
      summary.notCompleted.push({ key: outcome.key, why })
    }
  }
  return summary
}
