import type { AppRouter } from '@onemap/api/root'
import { backoffDelay } from '@onemap/domain/backoff'
import { QueryClient } from '@tanstack/react-query'
import { createTRPCClient, httpBatchLink, httpSubscriptionLink, retryLink, splitLink } from '@trpc/client'
import { createTRPCContext } from '@trpc/tanstack-react-query'

/** Typed hooks for our API; only the router's type crosses into the browser bundle. */
export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>()

// A stream the server refused or closed is opened again after 1 s, 2 s, … up to 30 s, spread so a room of
// walls does not reconnect in lock-step after a server restart.
const STREAM_BACKOFF = { firstMs: 1_000, maxMs: 30_000 }

export function createApiClient() {
  // Same origin as the page: the server that serves the app also answers /trpc.
  return createTRPCClient<AppRouter>({
    links: [
      splitLink({
        condition: (op) => op.type === 'subscription',
        // Subscriptions stream over SSE (tRPC's own link: the browser's EventSource, which resends the last
        // tracked event id on a dropped connection, and a reconnect after the server's inactivity interval).
        // A stream that failed outright (network, 5xx) is retried for ever, resuming from the last tracked id;
        // a refusal (signed out, no access) is not, since asking again cannot change the answer.
        true: [
          retryLink({
            retry: ({ error }) => (error.data?.httpStatus ?? 500) >= 500,
            retryDelayMs: (attempts) => backoffDelay(attempts - 1, STREAM_BACKOFF),
          }),
          httpSubscriptionLink({ url: '/trpc' }),
        ],
        false: httpBatchLink({ url: '/trpc' }),
      }),
    ],
  })
}

export function createQueryClient() {
  return new QueryClient({
    defaultOptions: {
      // Public figures change a few times a day; a minute of staleness saves refetches on every route change.
      queries: { staleTime: 60_000, retry: 1, refetchOnWindowFocus: false },
    },
  })
}
