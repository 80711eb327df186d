import type { AppRouter } from '@onemap/api/root'
import { useQueryClient } from '@tanstack/react-query'
import type { inferRouterOutputs } from '@trpc/server'
import { useEffect, useRef } from 'react'
import { useTRPC, useTRPCClient } from '../../../api/trpc.ts'

type Outputs = inferRouterOutputs<AppRouter>['duban']
export type OrderRow = Outputs['orders']['list'][number]
export type CardedItem = Outputs['cards']['list']['items'][number]
export type AttachmentRow = Outputs['attachments']['forItem'][number]
export type UnitRow = Outputs['units']['list'][number]

/**
 * Re-reads every 督办 answer when a 督办 change commits (an order step, an upload, an edit of units or
 * investment): the stream carries ids and states only, and the screens show few enough rows that one
 * re-read per change is cheaper than patching. The subscription link reconnects by itself (see
 * createApiClient); on every (re)connection the answers are re-read too, so nothing missed while away
 * stays stale.
 */
export function useDubanLive(onChange?: () => void): void {
  const trpc = useTRPC()
  const client = useTRPCClient()
  const queryClient = useQueryClient()
  const latest = useRef(onChange)
  latest.current = onChange
  useEffect(() => {
    const refresh = () => {
      void queryClient.invalidateQueries(trpc.duban.pathFilter())
      latest.current?.()
    }
    const sub = client.duban.orders.events.subscribe(undefined, { onStarted: refresh, onData: refresh })
    return () => sub.unsubscribe()
  }, [client, queryClient, trpc])
}

/** Reads a File into base64 (without the data: prefix) for duban.attachments.upload. */
export function fileToBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''))
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read'))
    reader.readAsDataURL(file)
  })
}
