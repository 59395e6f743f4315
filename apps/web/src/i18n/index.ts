// i18next with Bahasa Indonesia as the source language and English second. The chosen language is
// remembered in localStorage; <html lang> follows it.
import i18next from 'i18next';
import type { Lang } from '../format';
import { en } from './en';
import { id, type MessageKey } from './id';

const STORE_KEY = 'bekasi.lang';

export function initI18n(): Lang {
  const saved = localStorage.getItem(STORE_KEY);
  const lang: Lang = saved === 'en' ? 'en' : 'id';
  void i18next.init({
    lng: lang,
    fallbackLng: 'id',
    initAsync: false,
    resources: { id: { translation: id }, en: { translation: en } },
    interpolation: { escapeValue: false },
    keySeparator: false,
    nsSeparator: false,
  });
  document.documentElement.lang = lang;
  return lang;
}

export function setLang(lang: Lang): void {
  localStorage.setItem(STORE_KEY, lang);
  void i18next.changeLanguage(lang);
  document.documentElement.lang = lang;
}

/** Preact escapes what this returns; i18next's own escaping is off so text is not escaped twice. */
export const t = (key: MessageKey, vars?: Record<string, string | number>): string => i18next.t(key, vars ?? {});

/** A label for a server code (status, action, role…): never the code itself, even if one is new. */
export function label(prefix: 'status' | 'action' | 'role' | 'archive' | 'deadline' | 'deadlineState' | 'zone' | 'escState' | 'standing' | 'kind', code: string | null | undefined): string {
  if (!code) return '—';
  const key = `${prefix}.${code}` as MessageKey;
  return i18next.exists(key) ? t(key) : t('app.none');
}
