import { useTranslation } from 'react-i18next'
import { LAYER_GROUPS, type LayerVisibility } from './plan-layers.ts'

/** Switches for the workbench's layers (the legend is on the map, see PlanLegend). */
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
    </fieldset>
  )
}
