/** Print CSS of the brief: A4 portrait, 14 mm margins, colours kept when printing, tables not split mid-row. */
export const BRIEF_CSS = `
@page { size: A4 portrait; margin: 14mm; }
* { box-sizing: border-box; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; font-family: "Noto Sans CJK SC", "Noto Sans SC", "Microsoft YaHei", sans-serif; color: #111827; font-size: 10.5pt; }
.brief { max-width: 182mm; margin: 0 auto; padding: 8mm 0; }
@media print { .brief { padding: 0; } }
h1 { font-size: 18pt; margin: 0 0 2mm; }
h2 { font-size: 12pt; margin: 5mm 0 2mm; }
.meta { margin: 0; font-size: 11pt; }
.stamp { margin: 1mm 0; color: #374151; font-size: 9pt; }
.sample { display: inline-block; margin: 1mm 0; padding: 0.5mm 2mm; border: 1px dashed #92400e; color: #92400e; font-size: 9pt; }
.kpis { display: grid; grid-template-columns: repeat(4, 1fr); gap: 3mm; margin-top: 3mm; }
.kpi { border: 1px solid #d1d5db; border-radius: 2mm; padding: 2mm 3mm; }
.kpi h2 { margin: 0; font-size: 9.5pt; color: #374151; }
.kpi .big { margin: 1mm 0; font-size: 17pt; font-weight: 700; }
.kpi p { margin: 0; font-size: 9pt; }
.goal { font-size: 9.5pt; color: #374151; }
.map { margin: 3mm 0; border: 1px solid #d1d5db; break-inside: avoid; }
.map figcaption { font-size: 8.5pt; color: #374151; padding: 1mm 2mm; }
table.list { width: 100%; border-collapse: collapse; font-size: 9pt; }
table.list th, table.list td { border-bottom: 1px solid #e5e7eb; padding: 1mm 1.5mm; text-align: left; vertical-align: top; }
table.list tr { break-inside: avoid; }
table.list thead { display: table-header-group; }
tr.overdue td { color: #b91c1c; }
.id { color: #6b7280; font-size: 8pt; }
.card { display: inline-block; white-space: nowrap; padding: 0 1.5mm; border-radius: 1mm; font-weight: 700; }
.card-red { background: #b91c1c; color: #fff; }
.card-yellow { background: #facc15; color: #111827; }
`
