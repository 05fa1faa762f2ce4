import { z } from 'zod';
import { procedures } from '../../src/shared/api/procedures';
import type { ProcedureDef } from '../../src/shared/api/contract';

type JS = {
  type?: string | string[];
  properties?: Record<string, JS>;
  required?: string[];
  items?: JS;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JS[];
  oneOf?: JS[];
  additionalProperties?: JS | boolean;
  default?: unknown;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
};

/** A compact TypeScript-like rendering of a JSON schema, readable in a table cell. */
function render(s: JS): string {
  if (s.const !== undefined) return JSON.stringify(s.const);
  if (s.enum) return s.enum.map((v) => JSON.stringify(v)).join(' \\| ');
  const alts = s.anyOf ?? s.oneOf;
  if (alts) return alts.map(render).join(' \\| ');
  const type = Array.isArray(s.type) ? s.type.join(' \\| ') : s.type;
  if (type === 'array') return `${render(s.items ?? {})}[]`;
  if (type === 'object' || s.properties) {
    const props = Object.entries(s.properties ?? {});
    if (props.length === 0) {
      if (s.additionalProperties && typeof s.additionalProperties === 'object') return `Record<string, ${render(s.additionalProperties)}>`;
      return '{}';
    }
    const req = new Set(s.required ?? []);
    return `{ ${props.map(([k, v]) => `${k}${req.has(k) && v.default === undefined ? '' : '?'}: ${render(v)}`).join('; ')} }`;
  }
  return type ?? 'unknown';
}

function access(def: ProcedureDef): string {
  return def.access === 'public' ? 'public' : def.access.join(', ');
}

/** docs/api.md, generated from the contract; a test fails when the committed file differs. */
export function apiDocs(): string {
  const lines = [
    '# Fixpoint API',
    '',
    'Generated from `src/shared/api/procedures.ts` by `npm run docs:api`; do not edit by hand.',
    '',
    'Every procedure is reachable as `call(name, input)` over IPC in the Electron app and as',
    '`POST /api/<name>` (JSON body, `Authorization: Bearer <token>`, optional `x-fixpoint-locale: zh-CN|en`)',
    'on the shop HTTP host. Errors are `{ code, message, details }` with `details.fields[]` naming bad input.',
    '',
    '| procedure | kind | roles | summary |',
    '|---|---|---|---|',
  ];
  const entries = Object.entries(procedures as Record<string, ProcedureDef>).sort(([a], [b]) => a.localeCompare(b));
  for (const [name, def] of entries) lines.push(`| \`${name}\` | ${def.kind} | ${access(def)} | ${def.summary} |`);
  lines.push('');
  for (const [name, def] of entries) {
    lines.push(`## ${name}`, '', def.summary, '', `- kind: ${def.kind}`, `- roles: ${access(def)}`);
    lines.push(`- input: \`${render(z.toJSONSchema(def.input, { io: 'input', unrepresentable: 'any' }) as JS)}\``);
    lines.push(`- output: \`${render(z.toJSONSchema(def.output, { io: 'output', unrepresentable: 'any' }) as JS)}\``, '');
  }
  return lines.join('\n');
}
