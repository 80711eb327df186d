import { z } from 'zod'

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD')

/** A structured target of the programme, e.g. GDP ≥ 700 亿 yuan by 2022. */
export const ProgrammeTarget = z.object({
  id: z.string().min(1),
  title_zh: z.string().min(1),
  title_en: z.string().min(1),
  year: z.number().int().optional(),
  value: z.number().optional(),
  unit: z.string().optional(),
  comparator: z.enum(['>=', '<=', '=']).optional(),
})
export type ProgrammeTarget = z.infer<typeof ProgrammeTarget>

/** The programme the zone is measured against: its window and deadline are data, not code. */
export const Programme = z
  .object({
    id: z.string().min(1),
    name_zh: z.string().min(1),
    name_en: z.string().min(1),
    window_start: isoDate,
    deadline: isoDate,
    source: z.string().min(1),
    goals: z.array(ProgrammeTarget),
    targets: z.array(ProgrammeTarget),
  })
  .refine((p) => p.deadline > p.window_start, { message: 'deadline must be after window_start', path: ['deadline'] })
export type Programme = z.infer<typeof Programme>
