import { describe, expect, it } from 'vitest'
import { layerOverlaps, percent } from '../src/logic/spots.js'

describe('layerOverlaps', () => {
  it('lists the layers the spot overlaps, the largest first, leaving out those it misses', () => {
    expect(
      layerOverlaps({
        CULTIVATED_LAND: { areaMu: '3.20', share: '0.4000' },
        BASIC_FARMLAND: { areaMu: '5.10', share: '0.6375' },
        URBAN_BOUNDARY: { areaMu: '0.00', share: '0.0000' }
      })
    ).toEqual([
      { layer: 'BASIC_FARMLAND', areaMu: '5.10', share: '0.6375' },
      { layer: 'CULTIVATED_LAND', areaMu: '3.20', share: '0.4000' }
    ])
  })

  it('is empty without overlaps', () => {
    expect(layerOverlaps(undefined)).toEqual([])
  })
})

describe('percent', () => {
  it('shows a share with one decimal', () => {
    expect(percent('0.6375')).toBe('63.8%')
    expect(percent(1)).toBe('100.0%')
  })
})
