/** A small trend line in SVG (no chart library: a few points need none). Decorative unless labelled. */
export function Sparkline({
  values,
  target,
  width,
  height,
  label,
  className,
}: {
  values: number[]
  target?: number
  width: number
  height: number
  label?: string
  className?: string
}) {
  if (values.length === 0) return <svg className={className} width={width} height={height} aria-hidden="true" />
  const all = target === undefined ? values : [...values, target]
  const min = Math.min(0, ...all)
  const max = Math.max(...all) || 1
  const pad = 2
  const x = (i: number) => (values.length === 1 ? width / 2 : pad + (i * (width - 2 * pad)) / (values.length - 1))
  const y = (v: number) => height - pad - ((v - min) * (height - 2 * pad)) / (max - min || 1)
  const points = values.map((v, i) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(' ')
  return (
    <svg
      className={className}
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      role={label ? 'img' : undefined}
      aria-label={label}
      aria-hidden={label ? undefined : 'true'}
    >
      {target !== undefined && (
        <line x1={0} x2={width} y1={y(target)} y2={y(target)} className="spark-target" strokeDasharray="4 3" />
      )}
      <polyline
        points={points}
        fill="none"
        className="spark-line"
        strokeWidth={2.5}
        strokeLinejoin="round"
        strokeLinecap="round"
      />
      <circle cx={x(values.length - 1)} cy={y(values.at(-1) as number)} r={3.5} className="spark-dot" />
    </svg>
  )
}
