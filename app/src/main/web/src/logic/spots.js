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

/**
 * The photos of the spot's latest verification as the photo check judged them: each with its EXIF
 * time and position, its distance from the spot and its flags; none before the spot is verified.
 */
export function verificationPhotos(history) {
  const steps = (history || []).filter((step) => step.detail && step.detail.photoFindings)
  if (!steps.length) {
    return { photos: [], maxDistanceMetres: null }
  }
  const findings = steps[steps.length - 1].detail.photoFindings
  return { photos: findings.photos || [], maxDistanceMetres: findings.maxDistanceMetres ?? null }
}

/** A distance in metres as an officer reads it: whole metres, kilometres beyond one. */
export function distance(metres) {
  if (metres === null || metres === undefined) {
    return null
  }
  return metres >= 1000 ? `${(metres / 1000).toFixed(2)} km` : `${Math.round(metres)} m`
}
