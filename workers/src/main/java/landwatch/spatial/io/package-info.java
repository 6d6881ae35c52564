/**
 * Reading the spatial files offices upload: a zipped ESRI Shapefile or a GeoJSON FeatureCollection,
 * in CGCS2000 lon/lat or a CGCS2000 3-degree Gauss-Krüger zone.
 *
 * <p>{@link landwatch.spatial.io.SpatialFileReader} detects the format and returns {@link
 * landwatch.spatial.io.Feature}s in CGCS2000 lon/lat; a file that cannot be read, or is hostile,
 * ends in a {@link landwatch.spatial.io.SpatialImportException}. Judging the features is the
 * caller's: {@code landwatch.batch.SpotBatchValidator} for spot batches, {@code
 * landwatch.layer.LayerValidator} for reference layers, both built on {@link
 * landwatch.spatial.io.PolygonCheck}.
 *
 * <p>DBF tables are read and written with javadbf; the .shp/.shx part is written here, as no
 * maintained Shapefile library is available besides GeoTools.
 */
package landwatch.spatial.io;
