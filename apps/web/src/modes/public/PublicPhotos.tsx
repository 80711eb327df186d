import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { useTRPC } from '../../api/trpc.ts'

/** Site photos a planner marked public (thumbnails without EXIF); nothing at all when there are none. */
export function PublicPhotos({ entity, id }: { entity: 'facility' | 'road' | 'road_segment'; id: string }) {
  const { t } = useTranslation()
  const trpc = useTRPC()
  const photos = useQuery(trpc.duban.attachments.publicForItem.queryOptions({ entity, id }))
  if (!photos.data?.length) return null
  return (
    <>
      <h3>{t('photos.title')}</h3>
      <ul className="public-photos" data-testid="public-photos">
        {photos.data.map((p) => (
          <li key={p.id}>
            <img
              src={p.thumbUrl}
              width={p.width && p.height ? Math.min(240, p.width) : 240}
              alt={t('photos.alt', { date: p.takenOn ?? '—' })}
              loading="lazy"
            />
          </li>
        ))}
      </ul>
    </>
  )
}
