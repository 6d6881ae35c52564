// form-js keeps the files an officer picks aside and puts a key ("files::…") in the form's data;
// before completing, each picked file is stored as an engine document and the key replaced by the
// list of their references, the shape the models and workers read (photos: [reference, …]).

/** The keys of the picked files, in the order form-js registered them. */
export function pickedFileKeys(files) {
  return Array.from(files ? files.keys() : [])
}

/** The data with every file key replaced by its documents' references, wherever it sits. */
export function withDocumentReferences(data, referencesByKey) {
  if (typeof data === 'string' && Object.prototype.hasOwnProperty.call(referencesByKey, data)) {
    return referencesByKey[data]
  }
  if (Array.isArray(data)) {
    return data.map((item) => withDocumentReferences(item, referencesByKey))
  }
  if (data && typeof data === 'object') {
    return Object.fromEntries(
      Object.entries(data).map(([name, value]) => [name, withDocumentReferences(value, referencesByKey)])
    )
  }
  return data
}

/** Stores every picked file through the upload function and answers the data to submit. */
export async function submittable(data, files, upload) {
  const referencesByKey = {}
  for (const key of pickedFileKeys(files)) {
    const references = []
    for (const file of files.get(key)) {
      references.push(await upload(file))
    }
    referencesByKey[key] = references
  }
  return withDocumentReferences(data, referencesByKey)
}
