import 'maplibre-gl/dist/maplibre-gl.css'
import './shell/app.css'
import { QueryClientProvider } from '@tanstack/react-query'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { I18nextProvider } from 'react-i18next'
import { createApiClient, createQueryClient, TRPCProvider } from './api/trpc.ts'
import { createI18n, initialLanguage, storedLanguage } from './i18n/setup.ts'
import { AppShell } from './shell/AppShell.tsx'

async function start() {
  const i18n = await createI18n(initialLanguage(location.search, storedLanguage()))
  const queryClient = createQueryClient()
  const trpcClient = createApiClient()
  createRoot(document.getElementById('root') as HTMLElement).render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <QueryClientProvider client={queryClient}>
          <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
            <AppShell />
          </TRPCProvider>
        </QueryClientProvider>
      </I18nextProvider>
    </StrictMode>,
  )
}

void start()
