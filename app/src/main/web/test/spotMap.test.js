import { describe, expect, it } from 'vitest'
import { featureStyle, LAYER_COLOURS, legend, STATE_COLOURS, stateCounts, stateStyle, withAlpha } from '../src/logic/spotMap.js'

const feature = (kind, layer) => ({ type: 'Feature', properties: layer ? { kind, layer } : { kind } })

describe('spot map styles', () => {
  it('turns a hex colour and an alpha into rgba', () => {
    expect(withAlpha('#d4380d', 0.5)).toBe('rgba(212, 56, 13, 0.5)')
  })

  it('fills the overlap in its class colour, stronger than the layer around it', () => {
    const overlap = featureStyle({ kind: 'overlap', layer: 'BASIC_FARMLAND' })
    const layer = featureStyle({ kind: 'layer', layer: 'BASIC_FARMLAND' })
    expect(overlap.fill).toBe(withAlpha(LAYER_COLOURS.BASIC_FARMLAND, 0.55))
    expect(layer.fill).toBe(withAlpha(LAYER_COLOURS.BASIC_FARMLAND, 0.12))
  })

  it('outlines the spot without hiding what lies under it', () => {
    const spot = featureStyle({ kind: 'spot' })
    expect(spot.fill).toBe('rgba(0, 0, 0, 0)')
    expect(spot.dash).toEqual([6, 4])
  })

  it('gives every class its own colour', () => {
    expect(new Set(Object.values(LAYER_COLOURS)).size).toBe(Object.keys(LAYER_COLOURS).length)
  })
})

describe('spot map legend', () => {
  it('lists each class once, the overlapped ones first', () => {
    const entries = legend([
      feature('spot'),
      feature('layer', 'CULTIVATED_LAND'),
      feature('layer', 'CULTIVATED_LAND'),
      feature('overlap', 'BASIC_FARMLAND'),
      feature('layer', 'BASIC_FARMLAND')
    ])
    expect(entries.map((e) => [e.layer, e.overlaps])).toEqual([
      ['BASIC_FARMLAND', true],
      ['CULTIVATED_LAND', false]
    ])
  })

  it('is empty for a spot alone', () => {
    expect(legend([feature('spot')])).toEqual([])
  })
})

describe('spots map by state', () => {
  it('fills a spot in its state colour and outlines it red when overdue', () => {
    expect(stateStyle({ state: 'CONCLUDED', overdue: false }).fill).toBe(withAlpha(STATE_COLOURS.CONCLUDED, 0.6))
    expect(stateStyle({ state: 'VERIFICATION', overdue: true }).stroke).toBe('#cf1322')
  })

  it('counts the spots per state in the lifecycle order, leaving out the empty ones', () => {
    const spot = (state) => ({ properties: { state } })
    expect(stateCounts([spot('CONCLUDED'), spot('VERIFICATION'), spot('CONCLUDED'), { properties: { truncated: true } }])).toEqual([
      { state: 'VERIFICATION', count: 1, colour: STATE_COLOURS.VERIFICATION },
      { state: 'CONCLUDED', count: 2, colour: STATE_COLOURS.CONCLUDED }
    ])
  })
})
