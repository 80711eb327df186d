import i18next, { type i18n } from 'i18next'
import { initReactI18next } from 'react-i18next'
import { en } from './en.ts'
import { zh } from './zh.ts'

export const LANGUAGES = ['zh', 'en'] as const
export type Language = (typeof LANGUAGES)[number]

const STORAGE_KEY = 'onemap.lang'

/** `?lang=` wins (the wall display is configured by URL), then the visitor's last choice, then Chinese. */
export function initialLanguage(search: string, stored: string | null): Language {
  const fromUrl = new URLSearchParams(search).get('lang')
  for (const candidate of [fromUrl, stored]) {
    if (candidate && (LANGUAGES as readonly string[]).includes(candidate)) return candidate as Language
  }
  return 'zh'
}

/** Creates the app's i18next instance with both languages bundled (they are small; no extra request). */
export async function createI18n(language: Language): Promise<i18n> {
  const instance = i18next.createInstance()
  await instance.use(initReactI18next).init({
    lng: language,
    fallbackLng: false,
    resources: { zh: { translation: zh }, en: { translation: en } },
    // React escapes output itself.
    interpolation: { escapeValue: false },
    returnNull: false,
  })
  const applyToDocument = (lng: string) => {
    document.documentElement.lang = lng === 'zh' ? 'zh-CN' : 'en'
    document.title = instance.t('app.title')
  }
  applyToDocument(language)
  instance.on('languageChanged', (lng) => {
    applyToDocument(lng)
    try {
      localStorage.setItem(STORAGE_KEY, lng)
    } catch {
      // Private browsing may refuse storage; the choice then lasts for this page only.
    }
  })
  return instance
}

export function storedLanguage(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY)
  } catch {
    return null
  }
}
