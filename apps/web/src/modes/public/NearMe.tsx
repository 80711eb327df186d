import { useTranslation } from 'react-i18next'
import { NEAR_RADIUS_KM, type NearState } from './use-near-me.ts'

/** The "附近 / Near me" button and what became of the request, said in words. */
export function NearMe({ state, onLocate, onClear }: { state: NearState; onLocate: () => void; onClear: () => void }) {
  const { t } = useTranslation()
  const message =
    state.status === 'denied'
      ? t('near.denied')
      : state.status === 'unavailable'
        ? t('near.unavailable')
        : state.status === 'outside'
          ? t('near.outside')
          : state.status === 'found'
            ? t('near.sorted', { km: NEAR_RADIUS_KM })
            : state.status === 'locating'
              ? t('near.locating')
              : ''
  return (
    <div className="near-me">
      {state.status === 'found' ? (
        <button type="button" className="button" onClick={onClear}>
          {t('near.stop')}
        </button>
      ) : (
        <button
          type="button"
          className="button"
          onClick={onLocate}
          disabled={state.status === 'locating'}
          data-testid="near-me"
        >
          {t('near.button')}
        </button>
      )}
      <p className="near-message" role="status" data-testid="near-message">
        {message}
      </p>
    </div>
  )
}
