import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/*
 * Just enough Bicep reading for the consistency tests (there is no Bicep CLI here): comments and
 * strings are told apart from code, so braces, keys and names are found only where they are code.
 */

export interface BicepFile {
  path: string;
  /** The source as written. */
  text: string;
  /** Comments blanked out, strings kept: for reading values and references. */
  code: string;
  /** Comments and string contents (interpolations included) blanked out: for braces and keys. */
  masked: string;
}

/** Reads and scans a file under infra/. */
export function readBicep(relativePath: string): BicepFile {
  const path = resolve('infra', relativePath);
  const text = readFileSync(path, 'utf8');
  return { path, text, ...scan(text) };
}

type Frame = { kind: 'string' } | { kind: 'code'; depth: number };

function scan(text: string): { code: string; masked: string } {
  const code = text.split('');
  const masked = text.split('');
  const blank = (index: number, both: boolean) => {
    if (index >= text.length || text[index] === '\n') return;
    masked[index] = ' ';
    if (both) code[index] = ' ';
  };
  // The bottom frame is the file's code; a string may open interpolations, which are code again.
  const stack: Frame[] = [{ kind: 'code', depth: 0 }];
  let i = 0;
  while (i < text.length) {
    const frame = stack[stack.length - 1];
    if (!frame) break;
    const inString = stack.some((f) => f.kind === 'string');
    const char = text.charAt(i);
    const next = text[i + 1];
    if (frame.kind === 'string') {
      if (char === '\\') {
        blank(i, false);
        blank(i + 1, false);
        i += 2;
        continue;
      }
      if (char === '$' && next === '{') {
        blank(i, false);
        blank(i + 1, false);
        stack.push({ kind: 'code', depth: 0 });
        i += 2;
        continue;
      }
      if (char === "'") {
        stack.pop();
        if (stack.some((f) => f.kind === 'string')) blank(i, false);
      } else {
        blank(i, false);
      }
      i += 1;
      continue;
    }
    if (char === '/' && next === '/') {
      while (i < text.length && text[i] !== '\n') blank(i++, true);
      continue;
    }
    if (char === '/' && next === '*') {
      while (i < text.length && !(text[i] === '*' && text[i + 1] === '/')) blank(i++, true);
      blank(i++, true);
      blank(i++, true);
      continue;
    }
    if (char === "'") {
      if (inString) blank(i, false);
      stack.push({ kind: 'string' });
    } else if (inString) {
      // Code inside an interpolation: part of a string for the outer braces.
      if (char === '{') frame.depth += 1;
      if (char === '}') {
        if (frame.depth === 0) stack.pop();
        else frame.depth -= 1;
      }
      blank(i, false);
    }
    i += 1;
  }
  return { code: code.join(''), masked: masked.join('') };
}

export interface Block {
  /** Index of "{". */
  open: number;
  /** Index of the matching "}". */
  close: number;
}

/**
 * The `{ ... }` object (or `[ ... ]` array, with opener '[') that follows the first match of
 * `anchor` outside comments; its braces are matched outside strings.
 */
export function findBlock(file: BicepFile, anchor: RegExp, within?: Block, opener: '{' | '[' = '{'): Block {
  const from = within?.open ?? 0;
  const to = within?.close ?? file.masked.length;
  const match = new RegExp(anchor.source, anchor.flags.replace('g', '') + 'g');
  match.lastIndex = from;
  const found = match.exec(file.code);
  if (!found || found.index >= to) throw new Error(`${file.path}: ${anchor} not found`);
  const open = file.masked.indexOf(opener, found.index);
  let depth = 0;
  for (let i = open; i < file.masked.length; i += 1) {
    const char = file.masked[i];
    if (char === '{' || char === '[' || char === '(') depth += 1;
    if (char === '}' || char === ']' || char === ')') depth -= 1;
    if (depth === 0) return { open, close: i };
  }
  throw new Error(`${file.path}: unbalanced braces after ${anchor}`);
}

/** The keys written directly in a block (not in nested objects), with their value as written. */
export function entriesOf(file: BicepFile, block: Block): Map<string, string> {
  const entries = new Map<string, string>();
  let depth = 0;
  let lineStart = block.open + 1;
  for (let i = block.open + 1; i < block.close; i += 1) {
    const char = file.masked[i];
    if (char === '\n') {
      lineStart = i + 1;
      continue;
    }
    if (depth === 0 && i === lineStart) {
      const lineEnd = file.masked.indexOf('\n', i);
      const line = file.masked.slice(i, lineEnd === -1 ? block.close : Math.min(lineEnd, block.close));
      const key = /^\s*([A-Za-z_]\w*)\s*:/.exec(line);
      if (key) {
        const valueStart = i + key[0].length;
        entries.set(key[1] ?? '', file.code.slice(valueStart, i + line.length).trim());
      }
    }
    if (char === '{' || char === '[' || char === '(') depth += 1;
    if (char === '}' || char === ']' || char === ')') depth -= 1;
  }
  return entries;
}

export interface BicepParam {
  type: string;
  /** The default as written, or null when the parameter has none (it must be passed). */
  defaultValue: string | null;
  secure: boolean;
}

/** The file's `param` declarations, with the decorators that matter here. */
export function paramsOf(file: BicepFile): Map<string, BicepParam> {
  const params = new Map<string, BicepParam>();
  const lines = file.code.split('\n');
  lines.forEach((line, index) => {
    const declaration = /^param\s+(\w+)\s+(\w+)(?:\s*=\s*(.+))?$/.exec(line.trim());
    if (!declaration) return;
    let secure = false;
    for (let j = index - 1; j >= 0 && (lines[j] ?? '').trim().startsWith('@'); j -= 1) {
      if ((lines[j] ?? '').trim().startsWith('@secure()')) secure = true;
    }
    const [, name = '', type = '', defaultValue] = declaration;
    params.set(name, { type, defaultValue: defaultValue?.trim() ?? null, secure });
  });
  return params;
}

/** The file's `output` names. */
export function outputsOf(file: BicepFile): Set<string> {
  return new Set([...file.code.matchAll(/^output\s+(\w+)\s/gm)].map((match) => match[1] ?? ''));
}

/** The value of `var <name> = ...` as written: one line, or a multi-line [ ... ] array. */
export function varOf(file: BicepFile, name: string): string {
  const match = new RegExp(`^var\\s+${name}\\s*=\\s*`, 'm').exec(file.masked);
  if (!match) throw new Error(`${file.path}: var ${name} not found`);
  const start = match.index + match[0].length;
  if (file.masked[start] === '[') {
    const block = findBlock(file, new RegExp(`^var\\s+${name}\\s*=`, 'm'), undefined, '[');
    return file.code.slice(start, block.close + 1);
  }
  const end = file.code.indexOf('\n', start);
  return file.code.slice(start, end === -1 ? undefined : end).trim();
}

/** The quoted strings of a Bicep array literal, e.g. ['a' 'b'] → ['a', 'b']. */
export function stringsOf(arrayText: string): string[] {
  return [...arrayText.matchAll(/'([^']*)'/g)].map((match) => match[1] ?? '');
}
