import { changesSince } from '@onemap/db/queries/events'
import { deadlineRevisions, insertDeadlineRevision, lastMeeting, recordMeeting } from '@onemap/db/queries/meetings'
import { zoneToday } from '@onemap/domain/dates'
import { noNul } from '@onemap/domain/layer-filters'
import { TRPCError } from '@trpc/server'
import { z } from 'zod'
import { adminProcedure, plannerProcedure, viewerProcedure } from '../procedures.ts'
import { loadProgress, requireProgramme } from '../progress-data.ts'
import { router } from '../trpc.ts'
import { meetingFigures } from '../weekly.ts'

const IsoDate = z.iso.date()

/** The weekly meeting (重点项目周例会) and the programme's revised deadline. */
export const meetingRouter = router({
  /**
   * The meeting's figures for the period `since`…`until` (default today): what started, finished,
   * slipped and became late. Seed and import rows count only with `includeLoaded`.
   */
  figures: viewerProcedure
    .input(z.strictObject({ since: IsoDate, until: IsoDate.optional(), includeLoaded: z.boolean().default(false) }))
    .query(async ({ ctx, input }) => {
      const { programme, roads, facilities, today } = await loadProgress(ctx.db, ctx.now())
      const until = input.until ?? today
      if (until < input.since)
        throw new TRPCError({ code: 'BAD_REQUEST', message: `until (${until}) is before since (${input.since})` })
      const events = await changesSince(ctx.db, input.since, {
        includePrivate: true,
        limit: 100_000,
        until,
        includeLoaded: input.includeLoaded,
      })
      return {
        since: input.since,
        until,
        ...meetingFigures(events, { roads, facilities, since: input.since, until, deadline: programme.deadline }),
      }
    }),

  /** The last meeting recorded for the programme, or null before the first. */
  last: viewerProcedure.query(async ({ ctx }) => {
    const programme = await requireProgramme(ctx.db)
    return lastMeeting(ctx.db, programme.id)
  }),

  /** Records that the meeting was held on `heldOn` (default today), so the next one starts from it. */
  mark: plannerProcedure.input(z.strictObject({ heldOn: IsoDate.optional() })).mutation(async ({ ctx, input }) => {
    const programme = await requireProgramme(ctx.db)
    const today = zoneToday(ctx.now())
    const heldOn = input.heldOn ?? today
    if (heldOn > today) throw new TRPCError({ code: 'BAD_REQUEST', message: `The date ${heldOn} is in the future` })
    return recordMeeting(ctx.db, { programmeId: programme.id, heldOn, actor: ctx.user.name })
  }),

  /** The 2020 deadline and every revision of it, newest first (the first is in force). */
  deadlines: viewerProcedure.query(async ({ ctx }) => {
    const programme = await requireProgramme(ctx.db)
    return { original: programme.deadline, revisions: await deadlineRevisions(ctx.db, programme.id) }
  }),

  /**
   * Sets a revised programme deadline with its reason (admins only). It is shown next to the 2020
   * deadline and never replaces it: progress and goal figures stay on the original.
   */
  reviseDeadline: adminProcedure
    .input(
      z.strictObject({
        deadline: IsoDate,
        reason: z
          .string()
          .trim()
          .min(3, 'a revised deadline needs a reason')
          .max(2000)
          .refine(noNul, 'must not contain NUL'),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const programme = await requireProgramme(ctx.db)
      if (input.deadline <= programme.windowStart)
        throw new TRPCError({
          code: 'BAD_REQUEST',
          message: `The deadline ${input.deadline} is before the programme start ${programme.windowStart}`,
        })
      return insertDeadlineRevision(ctx.db, {
        programmeId: programme.id,
        deadline: input.deadline,
        reason: input.reason,
        actor: ctx.user.name,
      })
    }),
})
