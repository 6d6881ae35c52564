// How the spot map colours what it draws: one colour per reference-layer class, the layer's
// polygons faint, the part of the spot inside it strong, and the spot itself outlined on top, so
// an officer sees at a glance which classes the spot touches and where.

export const LAYER_COLOURS = {
  BASIC_FARMLAND: '#d4380d',
  ECOLOGICAL_REDLINE: '#389e0d',
  URBAN_BOUNDARY: '#531dab',
  CULTIVATED_LAND: '#d4b106',
  APPROVED_LAND: '#0958d9',
  FACILITY_AGRICULTURE: '#08979c',
  TEMPORARY_LAND: '#c41d7f',
  MINING_RIGHTS: '#874d00'
}

const SPOT_OUTLINE = '#1f1f1f'

/** Draw order: layers at the bottom, then overlaps, the spot on top. */
export const Z_ORDER = { layer: 1, overlap: 2, spot: 3 }

/** Hex colour with an alpha (0–1) as an rgba() string. */
export function withAlpha(hex, alpha) {
  const value = parseInt(hex.slice(1), 16)
  return `rgba(${(value >> 16) & 255}, ${(value >> 8) & 255}, ${value & 255}, ${alpha})`
}

/** Stroke and fill of a feature from its properties, as the API's GeoJSON gives them. */
export function featureStyle(properties) {
  if (properties.kind === 'spot') {
    return { stroke: SPOT_OUTLINE, width: 2.5, fill: 'rgba(0, 0, 0, 0)', dash: [6, 4] }
  }
  const colour = LAYER_COLOURS[properties.layer] || '#8c8c8c'
  if (properties.kind === 'overlap') {
    return { stroke: colour, width: 1.5, fill: withAlpha(colour, 0.55), dash: null }
  }
  return { stroke: withAlpha(colour, 0.8), width: 1, fill: withAlpha(colour, 0.12), dash: null }
}

/**
 * The legend: every class drawn, in the order the API sends them, marked when the spot overlaps
 * it (those first, since they are what the judgment turns on).
 */
export function legend(features) {
  const entries = new Map()
  for (const feature of features || []) {
    const { kind, layer } = feature.properties || {}
    if (kind === 'spot' || !layer) {
      continue
    }
    const entry = entries.get(layer) || { layer, colour: LAYER_COLOURS[layer] || '#8c8c8c', overlaps: false }
    entry.overlaps = entry.overlaps || kind === 'overlap'
    entries.set(layer, entry)
  }
  const all = [...entries.values()]
  return [...all.filter((e) => e.overlaps), ...all.filter((e) => !e.overlaps)]
}

/** The colours of the spots map: where each spot is in its month. */
export const STATE_COLOURS = {
  ISSUED: '#bfbfbf',
  VERIFICATION: '#fa8c16',
  JUDGMENT: '#fadb14',
  CITY_REVIEW: '#13c2c2',
  PROVINCE_REVIEW: '#2f54eb',
  CORRECTION: '#eb2f96',
  DIRECT_JUDGMENT: '#722ed1',
  CONCLUDED: '#52c41a'
}

/** A spot on the spots map: filled by its state, outlined red when overdue. */
export function stateStyle(properties) {
  const colour = STATE_COLOURS[properties.state] || '#8c8c8c'
  return {
    stroke: properties.overdue ? '#cf1322' : colour,
    width: properties.overdue ? 2.5 : 1.5,
    fill: withAlpha(colour, 0.6),
    dash: null
  }
}

/** How many spots of each state the map shows, in the lifecycle's order, for its legend. */
export function stateCounts(features) {
  const counts = Object.fromEntries(Object.keys(STATE_COLOURS).map((state) => [state, 0]))
  for (const feature of features || []) {
    const state = feature.properties && feature.properties.state
    if (state in counts) {
      counts[state] += 1
    }
  }
  return Object.entries(counts)
    .filter(([, count]) => count > 0)
    .map(([state, count]) => ({ state, count, colour: STATE_COLOURS[state] }))
}
