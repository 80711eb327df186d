/** A photo's GPS position farther than this from its item is flagged (phone GPS is good to ~50 m in a city). */
export const GPS_FAR_M = 300

/** What the office and units see of an attachment; URLs name the content hash, so a changed file is a new URL. */
export function describeAttachment<
  T extends { id: number; sha256: string; hasThumbnail: boolean; gpsDistanceM: number | null },
>(a: T) {
  return {
    ...a,
    url: `/attachments/${a.id}/${a.sha256.slice(0, 16)}/file`,
    thumbUrl: a.hasThumbnail ? `/attachments/${a.id}/${a.sha256.slice(0, 16)}/thumb` : null,
    gpsFar: a.gpsDistanceM !== null && a.gpsDistanceM > GPS_FAR_M,
  }
}
