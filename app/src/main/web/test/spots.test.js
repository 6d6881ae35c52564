import { describe, expect, it } from 'vitest'
import { distance, layerOverlaps, percent, verificationPhotos } from '../src/logic/spots.js'

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

describe('verificationPhotos', () => {
  const finding = (fileName, distanceMetres) => ({ fileName, documentId: fileName + '-id', distanceMetres, flags: [] })

  it('takes the latest verification, a correction having re-verified the spot', () => {
    const history = [
      { step: 'SUGGESTED', detail: {} },
      { step: 'VERIFIED', detail: { photoFindings: { photos: [finding('a.jpg', 12)], maxDistanceMetres: 200 } } },
      { step: 'VERIFIED', detail: { photoFindings: { photos: [finding('b.jpg', 350)], maxDistanceMetres: 200 } } }
    ]
    const { photos, maxDistanceMetres } = verificationPhotos(history)
    expect(photos.map((p) => p.fileName)).toEqual(['b.jpg'])
    expect(maxDistanceMetres).toBe(200)
  })

  it('is empty before verification', () => {
    expect(verificationPhotos([{ step: 'SUGGESTED', detail: {} }])).toEqual({ photos: [], maxDistanceMetres: null })
    expect(verificationPhotos(undefined).photos).toEqual([])
  })
})

describe('distance', () => {
  it('reads in metres, then kilometres', () => {
    expect(distance(12.4)).toBe('12 m')
    expect(distance(1530)).toBe('1.53 km')
    expect(distance(null)).toBeNull()
  })
})
