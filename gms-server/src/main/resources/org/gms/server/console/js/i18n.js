// Strings of the console, all from files/<lang>/locale.js. t('NavBar.callback') or t('CallbackView.found', {n: 3}).

const FALLBACK = 'en-US';
const STORED = 'gms.console.language';
let current = FALLBACK;

function registry() {
  return window.GMS.registry;
}

/** The languages offered by files/locale.js, in its order. */
export function languages() {
  return Object.entries(registry().enabled).filter(([, on]) => on === true).map(([lang]) => lang);
}

/** The language to start with: the one chosen before, else the browser's first offered one, else English. */
export function preferred() {
  const offered = languages();
  const stored = window.localStorage.getItem(STORED);
  if (stored && offered.includes(stored)) {
    return stored;
  }
  for (const wanted of navigator.languages || [navigator.language]) {
    const exact = offered.find(lang => lang.toLowerCase() === String(wanted).toLowerCase());
    const sameLanguage = offered.find(lang => lang.split('-')[0] === String(wanted).split('-')[0]);
    if (exact || sameLanguage) {
      return exact || sameLanguage;
    }
  }
  return offered.includes(FALLBACK) ? FALLBACK : offered[0] || FALLBACK;
}

/** Loads files/<lang>/locale.js (once, with English for the strings a language lacks) and makes it current. */
export async function use(lang) {
  for (const needed of new Set([FALLBACK, lang])) {
    if (!registry().strings[needed]) {
      await load(needed);
    }
  }
  current = lang;
  window.localStorage.setItem(STORED, lang);
  document.documentElement.lang = lang.split('-')[0];
}

function load(lang) {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    // beside js/, whichever page (the console, sample/) loads this module
    script.src = new URL('../files/' + encodeURIComponent(lang) + '/locale.js', import.meta.url).href;
    script.onload = resolve;
    script.onerror = () => reject(new Error('No language file for ' + lang));
    document.head.appendChild(script);
  });
}

/** Loads every offered language's file, without changing the current language (for their names in a picker). */
export async function loadAll() {
  await Promise.allSettled(languages().filter(lang => !registry().strings[lang]).map(load));
}

/** A language's own name (Main_Login.title of its file), or its code while its file is not loaded. */
export function languageName(lang) {
  const strings = registry().strings[lang];
  return (strings && strings.Main_Login && strings.Main_Login.title) || lang;
}

export function language() {
  return current;
}

function lookup(strings, key) {
  return key.split('.').reduce((node, part) => (node && typeof node === 'object' ? node[part] : undefined), strings);
}

/** The string of a key in the current language (English when the language lacks it; the key when both do). */
export function t(key, params) {
  let text = lookup(registry().strings[current], key);
  if (typeof text !== 'string') {
    text = lookup(registry().strings[FALLBACK], key);
  }
  if (typeof text !== 'string') {
    return key;
  }
  return text.replace(/\{(\w+)\}/g, (whole, name) => (params && name in params ? String(params[name]) : whole));
}
