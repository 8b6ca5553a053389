// How long and how deep what people type may be — one place for the bounds that the desk's
// commands, the API and the replay share. A name has to fit a room tile and a ledger column
// (64 characters); free text is a note or a finding (2,000 characters, about a printed page);
// free objects such as a security check's findings nest at most 8 levels. Control characters
// (NUL and the like) have no business in a record that is printed and exported, and text made
// only of invisible characters is no text at all.
import { z } from 'zod';

export const NAME_MAX = 64;
export const TEXT_MAX = 2000;
export const NESTING_MAX = 8;

/** C0 controls, DEL and C1 controls. */
const CONTROL = /[\u0000-\u001F\u007F-\u009F]/;
/** The same, except that free text may keep its line breaks and tabs. */
const CONTROL_IN_TEXT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
/** White space and the characters that take no room on the page (zero-width, joiners, marks). */
const INVISIBLE = /[\s\u00AD\u034F\u061C\u115F\u1160\u180E\u200B-\u200F\u202A-\u202E\u2060-\u206F\u3164\uFEFF]/gu;

/** The problems, by the key a schema reports them with: zh for the desk, en for the record's readers. */
export const TEXT_PROBLEMS = {
  empty: { zh: '不能为空', en: 'is empty' },
  name_too_long: { zh: `不能超过 ${NAME_MAX} 个字符`, en: `is longer than ${NAME_MAX} characters` },
  text_too_long: { zh: `不能超过 ${TEXT_MAX} 个字符`, en: `is longer than ${TEXT_MAX} characters` },
  control: { zh: '含有控制字符', en: 'contains control characters' },
  too_deep: { zh: `嵌套不能超过 ${NESTING_MAX} 层`, en: `nests deeper than ${NESTING_MAX} levels` },
  key_too_long: { zh: `含有超过 ${NAME_MAX} 个字符的键名`, en: `has a key longer than ${NAME_MAX} characters` },
  key_control: { zh: '键名含有控制字符', en: 'has a key with control characters' },
} as const satisfies Record<string, { readonly zh: string; readonly en: string }>;

export type TextProblem = keyof typeof TEXT_PROBLEMS;

/** Characters as a person counts them (code points, so an emoji is one). */
function length(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

const tooLong = (s: string, max: number): boolean => s.length > max && (s.length > 2 * max || length(s) > max);

/** True when nothing visible is left once white space and zero-width characters are taken out. */
export function isBlank(s: string): boolean {
  return s.replace(INVISIBLE, '').length === 0;
}

/** What is wrong with a name (one line, not blank, at most NAME_MAX characters), or null. */
export function nameProblem(s: string): TextProblem | null {
  if (isBlank(s)) return 'empty';
  if (tooLong(s, NAME_MAX)) return 'name_too_long';
  if (CONTROL.test(s)) return 'control';
  return null;
}

/** What is wrong with free text (line breaks allowed, at most TEXT_MAX characters), or null. */
export function textProblem(s: string): TextProblem | null {
  if (tooLong(s, TEXT_MAX)) return 'text_too_long';
  if (CONTROL_IN_TEXT.test(s)) return 'control';
  return null;
}

export interface FreeProblem { readonly path: readonly (string | number)[]; readonly problem: TextProblem }

/**
 * The first thing wrong inside a free value (an object or list nobody gave a shape): nesting
 * deeper than `maxDepth` containers (reported at the value itself — the path down a deep chain
 * says nothing more), a key that is not a name, a string that is not free text. Walks without
 * recursion, so a value nested 20,000 deep is answered, not a stack overflow.
 */
export function freeValueProblem(value: unknown, maxDepth = NESTING_MAX): FreeProblem | null {
  const stack: { v: unknown; path: (string | number)[]; depth: number }[] = [{ v: value, path: [], depth: 0 }];
  for (let item = stack.pop(); item; item = stack.pop()) {
    const { v, path, depth } = item;
    if (typeof v === 'string') {
      const problem = textProblem(v);
      if (problem) return { path, problem };
      continue;
    }
    if (v === null || typeof v !== 'object') continue;
    if (depth + 1 > maxDepth) return { path: [], problem: 'too_deep' };
    if (Array.isArray(v)) {
      v.forEach((x: unknown, i) => stack.push({ v: x, path: [...path, i], depth: depth + 1 }));
      continue;
    }
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
      const problem = tooLong(k, NAME_MAX) ? 'key_too_long' : CONTROL.test(k) ? 'key_control' : null;
      if (problem) return { path, problem };
      stack.push({ v: x, path: [...path, k], depth: depth + 1 });
    }
  }
  return null;
}

/**
 * How deep containers nest in `value`, counted without recursion and given up beyond `limit`:
 * the path to the first place deeper than `limit`, or null. For a whole request at the API's door.
 */
export function nestingBeyond(value: unknown, limit: number): (string | number)[] | null {
  const stack: { v: unknown; path: (string | number)[] }[] = [{ v: value, path: [] }];
  for (let item = stack.pop(); item; item = stack.pop()) {
    const { v, path } = item;
    if (v === null || typeof v !== 'object') continue;
    if (path.length >= limit) return path;
    const entries: [string | number, unknown][] = Array.isArray(v) ? v.map((x: unknown, i) => [i, x]) : Object.entries(v as Record<string, unknown>);
    for (const [k, x] of entries) stack.push({ v: x, path: [...path, k] });
  }
  return null;
}

function refined(check: (s: string) => TextProblem | null) {
  return z.string().superRefine((s, ctx) => {
    const problem = check(s);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });
}

/** A name: not blank (invisible characters do not count), one line, at most NAME_MAX characters. */
export const nameSchema = refined(nameProblem);
/** Free text: at most TEXT_MAX characters, line breaks allowed, no other control characters. */
export const textSchema = refined(textProblem);
/** Free text that must say something (a reason, an acknowledgement's note). */
export const noteSchema = refined((s) => (isBlank(s) ? 'empty' : textProblem(s)));

function freeIssues(v: unknown, ctx: z.RefinementCtx): void {
  const problem = freeValueProblem(v);
  if (problem) ctx.addIssue({ code: 'custom', path: [...problem.path], message: problem.problem });
}

/** Any JSON value nobody gave a shape, within the bounds above. */
export const freeValueSchema = z.unknown().superRefine(freeIssues);
/** A free object (e.g. a security check's findings), within the bounds above. */
export const freeObjectSchema = z.record(z.string(), z.unknown()).superRefine(freeIssues);
