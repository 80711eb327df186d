/**
 * The turf functions the public site uses, imported by name so the bundler keeps only them
 * (a dynamic import of '@turf/turf' itself would pull in all of turf). Loaded on demand.
 */
export { bbox, booleanPointInPolygon, circle, distance, point, pointOnFeature } from '@turf/turf'
