import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { useTRPC } from '../../../api/trpc.ts'
import type { AttachmentRow } from './duban-data.ts'

/** Thumbnails and files with their EXIF facts; planners toggle whether a photo shows on public cards. */
export function AttachmentList({
  attachments,
  canPublish,
}: {
  attachments: readonly AttachmentRow[]
  canPublish: boolean
}) {
  const { t } = useTranslation()
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  const publish = useMutation(
    trpc.duban.attachments.setPublic.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries(trpc.duban.pathFilter()),
    }),
  )
  if (attachments.length === 0) return <p className="plan-note">{t('duban.item.noAttachments')}</p>
  return (
    <ul className="duban-attachments" data-testid="attachments">
      {attachments.map((a) => (
        <li key={a.id} data-attachment-id={a.id}>
          <a href={a.url} target="_blank" rel="noreferrer">
            {a.thumbUrl ? (
              <img src={a.thumbUrl} alt={a.fileName} width={96} />
            ) : (
              <span className="duban-file">PDF</span>
            )}
          </a>
          <div>
            <div>{a.fileName}</div>
            {a.takenAt && <div>{t('duban.item.taken', { when: new Date(a.takenAt).toLocaleString() })}</div>}
            {a.gpsLat !== null && a.gpsLon !== null && a.gpsDistanceM !== null && (
              <div className={a.gpsFar ? 'duban-overdue' : undefined} data-testid={a.gpsFar ? 'gps-far' : 'gps'}>
                {a.gpsFar
                  ? t('duban.item.gpsFar', { m: Math.round(a.gpsDistanceM) })
                  : t('duban.item.gps', {
                      lat: a.gpsLat.toFixed(5),
                      lon: a.gpsLon.toFixed(5),
                      m: Math.round(a.gpsDistanceM),
                    })}
              </div>
            )}
            {canPublish && a.thumbUrl && (
              <label className="plan-check">
                <input
                  type="checkbox"
                  checked={a.isPublic}
                  disabled={publish.isPending}
                  onChange={(e) => publish.mutate({ id: a.id, isPublic: e.target.checked })}
                />
                {t('duban.item.public')}
              </label>
            )}
          </div>
        </li>
      ))}
    </ul>
  )
}
