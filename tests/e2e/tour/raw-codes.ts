/**
 * What a person must never read on a screen: the codes behind the words. The screen tour
 * (tests/e2e/screen-tour.spec.ts) hands this the visible text of a page, one chunk per element
 * (its own text nodes joined, or a field's value), and fails on what it returns.
 */
export interface RawCodeOptions {
  /** The enum values of the contract (statuses, tenders, roles…): a chunk that is only one of them is a code. */
  enumValues: Iterable<string>;
  /** Text the page shows as data and may look like a code (a username such as `admin`). */
  allowed?: Iterable<string>;
  /**
   * The first segments of the catalogs' keys (`ui`, `bench`, `tickets`…). Given, a dotted word is a
   * key when it starts with one of them (also `reports.na`), and a dotted id of the shop's data
   * (`cn.tv.lcd.2011/1`) is not; without them, any word of three dotted segments is taken for a key.
   */
  keyNamespaces?: Iterable<string>;
}

export interface RawCode {
  kind: 'i18n-key' | 'enum-value' | 'field-name' | 'placeholder' | 'js-value';
  code: string;
  chunk: string;
}

// A message key: three or more dotted segments (`bench.quote.title`), not a host name or a file.
const KEY = /(?<![\w@/.:-])[a-z][a-zA-Z0-9]*(?:\.[a-zA-Z][a-zA-Z0-9_]*){1,}(?![\w@/-])/g;
const NOT_KEY_END = /\.(?:com|cn|net|org|local|lan|test|io|dev|pdf|png|jpg|csv|xlsx|zip|db|sqlite|json|txt|html?)$/;
// A code in snake case (`awaiting_approval`, `sim_tray`).
const SNAKE = /(?<![\w@./-])[a-z][a-z0-9]*(?:_[a-z0-9]+)+(?![\w@/-])/g;
// A field name in camel case (`priceFen`, `warrantyClaimed`); `iPhone` and `macOS` are names, not fields.
const CAMEL = /(?<![\w@./-])[a-z]{2,}(?:[A-Z][a-z0-9]+)+(?![\w@/-])/g;
// An interpolation left unfilled: `{name}`, `{count, plural, …}`, `{{n}}`.
const PLACEHOLDER = /\{\{?\s*[a-zA-Z_]\w*\s*(?:\}\}?|,\s*(?:plural|select|selectordinal|number|date)\b)/g;
const JS_VALUE = /\bundefined\b|\bNaN\b|\[object Object\]|^null$/g;
// A label, then the value alone: `收入: cash`, `Status：draft`, `(repairing)`.
const LABELLED = /^(?:.*[:：]\s*|\(\s*|（\s*)([a-z][a-z0-9_]*)\s*[)）]?$/;

/** The raw codes in a page's visible text chunks; an empty list when every chunk reads as words. */
export function rawCodesIn(chunks: readonly string[], opts: RawCodeOptions): RawCode[] {
  const enums = new Set(opts.enumValues);
  const allowed = new Set(opts.allowed ?? []);
  const namespaces = opts.keyNamespaces ? new Set(opts.keyNamespaces) : null;
  const isKey = (word: string) => !NOT_KEY_END.test(word) && (namespaces ? namespaces.has(word.split('.')[0]!) : word.split('.').length >= 3);
  const found: RawCode[] = [];
  const seen = new Set<string>();
  const add = (kind: RawCode['kind'], code: string, chunk: string) => {
    if (allowed.has(code) || seen.has(`${kind}:${code}`)) return;
    seen.add(`${kind}:${code}`);
    found.push({ kind, code, chunk });
  };
  for (const raw of chunks) {
    const chunk = raw.replace(/\s+/g, ' ').trim();
    if (!chunk || allowed.has(chunk)) continue;
    for (const m of chunk.matchAll(KEY)) if (isKey(m[0])) add('i18n-key', m[0], chunk);
    for (const m of chunk.matchAll(SNAKE)) add('enum-value', m[0], chunk);
    for (const m of chunk.matchAll(CAMEL)) add('field-name', m[0], chunk);
    for (const m of chunk.matchAll(PLACEHOLDER)) add('placeholder', m[0], chunk);
    for (const m of chunk.matchAll(JS_VALUE)) add('js-value', m[0], chunk);
    const alone = enums.has(chunk) ? chunk : LABELLED.exec(chunk)?.[1];
    if (alone && enums.has(alone)) add('enum-value', alone, chunk);
  }
  return found;
}
