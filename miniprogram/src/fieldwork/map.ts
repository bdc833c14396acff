import type { Geofence } from '@/api/types'

/** What a uni `<map>` needs to show one point (a check-in, a log's position) and the village's circle. */
export interface MapView {
  latitude: number
  longitude: number
  scale: number
  markers: { id: number; latitude: number; longitude: number; width: number; height: number; callout?: { content: string; display: 'ALWAYS' } }[]
  circles: { latitude: number; longitude: number; radius: number; color: string; fillColor: string; strokeWidth: number }[]
}

interface Point {
  latitude?: number | null
  longitude?: number | null
}

const hasPoint = (p: Point | null | undefined): p is { latitude: number; longitude: number } =>
  !!p && typeof p.latitude === 'number' && typeof p.longitude === 'number'

/** Zoom enough to see the circle (larger villages farther out); 16 for a point alone. */
function scaleFor(radius: number | undefined): number {
  if (!radius) return 16
  if (radius <= 300) return 16
  if (radius <= 800) return 15
  if (radius <= 2000) return 14
  if (radius <= 5000) return 13
  return 12
}

/**
 * The map of a point and, when the village has a centre, its geofence circle; null when there is no point to
 * show. Centred on the point.
 */
export function pointMap(point: Point | null | undefined, label: string, geofence?: Geofence | null): MapView | null {
  if (!hasPoint(point)) return null
  const fence = geofence && hasPoint(geofence) ? geofence : null
  return {
    latitude: point.latitude,
    longitude: point.longitude,
    scale: scaleFor(fence?.radiusMeters),
    markers: [{ id: 1, latitude: point.latitude, longitude: point.longitude, width: 28, height: 36, callout: { content: label, display: 'ALWAYS' } }],
    circles: fence
      ? [
          {
            latitude: fence.latitude as number,
            longitude: fence.longitude as number,
            radius: fence.radiusMeters,
            color: '#1f8a5bcc',
            fillColor: '#1f8a5b22',
            strokeWidth: 2,
          },
        ]
      : [],
  }
}
