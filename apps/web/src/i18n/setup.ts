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

/** The app's one i18next instance, kept so a mode's chunk can add its strings when it loads. */
let appInstance: i18n | null = null

/**
 * Creates the app's i18next instance with the shell's and public site's strings in both languages
 * (small; no extra request). The planner's and wall's strings come with their own chunks: see
 * `addModeStrings`.
 */
export async function createI18n(language: Language): Promise<i18n> {
  const instance = i18next.createInstance()
  appInstance = instance
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

/**
 * Adds a mode's strings under `key` (e.g. `plan`, `wall`) in both languages. Called by the lazy route
 * loader before the mode renders, so the public page never downloads the staff screens' text.
 */
export function addModeStrings(key: string, zh: object, en: object): void {
  if (!appInstance) throw new Error('addModeStrings called before createI18n')
  appInstance.addResourceBundle('zh', 'translation', { [key]: zh }, true, true)
  appInstance.addResourceBundle('en', 'translation', { [key]: en }, true, true)
}
