// A spot's spatial figures as the task panel lists them: every reference layer it overlaps, the
// largest first, with its area in 亩 and its share of the spot.

export function layerOverlaps(overlaps) {
  return Object.entries(overlaps || {})
    .filter(([, overlap]) => Number(overlap.areaMu) > 0)
    .map(([layer, overlap]) => ({ layer, areaMu: overlap.areaMu, share: overlap.share }))
    .sort((a, b) => Number(b.areaMu) - Number(a.areaMu))
}

/**
 * A share (0–1, four decimals as the API gives it) as a percentage with one decimal, rounded half
 * up on the decimal figure rather than on its binary approximation.
 */
export function percent(share) {
  const basisPoints = Math.round(Number(share) * 10000)
  return `${(Math.round(basisPoints / 10) / 10).toFixed(1)}%`
}
