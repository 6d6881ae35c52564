// The maps' common part: CGCS2000 lon/lat (EPSG:4490) registered with proj4 once, the GeoJSON the
// application serves read in it, styled by a plain description (logic/spotMap.js), and the
// basemap tiles through the application's own proxy when one is configured.

import 'ol/ol.css'
import OlMap from 'ol/Map.js'
import View from 'ol/View.js'
import VectorLayer from 'ol/layer/Vector.js'
import VectorSource from 'ol/source/Vector.js'
import TileLayer from 'ol/layer/Tile.js'
import XYZ from 'ol/source/XYZ.js'
import GeoJSON from 'ol/format/GeoJSON.js'
import { Fill, Stroke, Style } from 'ol/style.js'
import { get as projection } from 'ol/proj.js'
import { register } from 'ol/proj/proj4.js'
import proj4 from 'proj4'

proj4.defs('EPSG:4490', '+proj=longlat +ellps=GRS80 +no_defs +type=crs')
register(proj4)
projection('EPSG:4490').setExtent([-180, -90, 180, 90])

function olStyle(style, zIndex) {
  return new Style({
    stroke: new Stroke({ color: style.stroke, width: style.width, lineDash: style.dash || undefined }),
    fill: new Fill({ color: style.fill }),
    zIndex
  })
}

/**
 * Draws the collection into target, each feature styled by describe(properties) and stacked by
 * zIndexOf(properties), fitted to fitTo(features) or to all of them; answers the map and its
 * features (those with a geometry).
 */
export function vectorMap(target, collection, { describe, zIndexOf = () => 0, fitTo, basemap }) {
  const features = new GeoJSON()
    .readFeatures(collection, { dataProjection: 'EPSG:4490', featureProjection: 'EPSG:4490' })
    .filter((feature) => feature.getGeometry())
  const layers = []
  if (basemap) {
    layers.push(new TileLayer({ source: new XYZ({ url: 'api/map/tiles/{z}/{x}/{y}', projection: 'EPSG:3857' }) }))
  }
  const source = new VectorSource({ features })
  layers.push(
    new VectorLayer({
      source,
      style: (feature) => olStyle(describe(feature.getProperties()), zIndexOf(feature.getProperties()))
    })
  )
  const map = new OlMap({ target, layers, view: new View({ projection: 'EPSG:4490' }) })
  const extent = fitTo ? fitTo(features) : source.getExtent()
  if (extent && Number.isFinite(extent[0])) {
    map.getView().fit(extent, { padding: [24, 24, 24, 24], maxZoom: 19 })
  }
  return { map, features }
}
