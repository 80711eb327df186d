import { router } from '../../trpc.ts'
import { attachmentsRouter } from './attachments.ts'
import { briefRouter } from './brief.ts'
import { cardsRouter } from './cards.ts'
import { itemsRouter } from './items.ts'
import { ordersRouter } from './orders.ts'
import { unitsRouter } from './units.ts'

/** 督办: responsible units, item responsibility and investment, cards, supervision orders, attachments. */
export const dubanRouter = router({
  units: unitsRouter,
  items: itemsRouter,
  cards: cardsRouter,
  orders: ordersRouter,
  attachments: attachmentsRouter,
  brief: briefRouter,
})
