import { useTranslation } from 'react-i18next'
import { LAYER_GROUPS, type LayerVisibility, SEGMENT_STATUS_COLOURS } from './plan-layers.ts'

/** Switches for the workbench's layers, with the segment legend (unbuilt ones are drawn wider). */
export function LayerPanel({ value, onChange }: { value: LayerVisibility; onChange: (v: LayerVisibility) => void }) {
  const { t } = useTranslation()
  return (
    <fieldset className="plan-layers">
      <legend>{t('plan.layers.title')}</legend>
      {LAYER_GROUPS.map((g) => (
        <label key={g} className="plan-check">
          <input type="checkbox" checked={value[g]} onChange={() => onChange({ ...value, [g]: !value[g] })} />
          {t(`plan.layers.${g}`)}
        </label>
      ))}
      <ul className="plan-legend" aria-label={t('plan.layers.legend')}>
        {Object.entries(SEGMENT_STATUS_COLOURS).map(([status, colour]) => (
          <li key={status}>
            <span className="swatch swatch-line" style={{ background: colour, height: status === 'completed' ? 2 : 5 }} aria-hidden="true" />
            {t(`roadStatus.${status}`)}
          </li>
        ))}
      </ul>
    </fieldset>
  )
}
