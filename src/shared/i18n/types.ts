export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/** One capability's strings: the same keys in every locale (a test enforces it). */
export type Messages = Record<Locale, Record<string, string>>;

export type Params = Record<string, string | number>;
