import type { AppRouter } from '@onemap/api/root'
import { QueryClient } from '@tanstack/react-query'
import { createTRPCClient, httpBatchLink } from '@trpc/client'
import { createTRPCContext } from '@trpc/tanstack-react-query'

/** Typed hooks for our API; only the router's type crosses into the browser bundle. */
export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>()

export function createApiClient() {
  // Same origin as the page: the server that serves the app also answers /trpc.
  return createTRPCClient<AppRouter>({ links: [httpBatchLink({ url: '/trpc' })] })
}

export function createQueryClient() {
  return new QueryClient({
    defaultOptions: {
      // Public figures change a few times a day; a minute of staleness saves refetches on every route change.
      queries: { staleTime: 60_000, retry: 1, refetchOnWindowFocus: false },
    },
  })
}
