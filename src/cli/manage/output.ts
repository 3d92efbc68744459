// How management commands answer: a table for people, JSON for scripts, and an exit code either
// can act on (0 ok, 1 the API refused or could not be reached, 2 usage).
import { readFileSync } from 'node:fs';
import { InvalidArgumentError } from 'commander';

export interface PageOptions {
  limit?: number;
  cursor?: string;
}

export interface OutputOptions {
  json?: boolean;
}

/** An API answer that is not a success: its code printed, exit 1. */
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

/** What openapi-fetch answers: data on success, the error body otherwise. */
export function unwrap<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.response.ok) return result.data as T;
  const body = (result.error ?? {}) as { error?: { code?: string; message?: string; details?: unknown } };
  const { code = 'http_' + result.response.status, message = result.response.statusText, details } = body.error ?? {};
  throw new ApiFailure(result.response.status, code, message, details);
}

export function printFailure(err: ApiFailure, json: boolean | undefined): void {
  if (json) {
    console.error(JSON.stringify({ error: { status: err.status, code: err.code, message: err.message, details: err.details } }));
    return;
  }
  console.error(`error ${err.status} ${err.code}: ${err.message}`);
  if (Array.isArray(err.details))
    for (const d of err.details as { path?: string; message?: string }[])
      console.error(`  - ${d.path ?? ''}: ${d.message ?? ''}`);
}

type Row = Record<string, unknown>;

/** Rows as aligned columns (the named ones, in order); a single object as key: value lines. */
export function print(value: unknown, options: OutputOptions, columns?: string[]): void {
  if (options.json || value === undefined) return void console.log(value === undefined ? '' : JSON.stringify(value, null, 2));
  if (Array.isArray(value) && columns) return void console.log(table(value as Row[], columns));
  for (const [key, v] of Object.entries(value as Row))
    console.log(`${key}: ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`);
}

export function table(rows: Row[], columns: string[]): string {
  const cell = (v: unknown) => (v === undefined || v === null ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v));
  const cells = [columns.map((c) => c.toUpperCase()), ...rows.map((r) => columns.map((c) => cell(r[c])))];
  const widths = columns.map((_, i) => Math.max(...cells.map((row) => row[i].length)));
  const lines = cells.map((row) => row.map((c, i) => (i === row.length - 1 ? c : c.padEnd(widths[i]))).join('  '));
  return rows.length ? lines.join('\n') : `${lines[0]}\n(none)`;
}

/** A page's rows, then where the next one starts. */
export function printPage(rows: Row[], next: string | null | undefined, options: OutputOptions, columns: string[]): void {
  if (options.json) return void console.log(JSON.stringify({ items: rows, nextCursor: next ?? null }, null, 2));
  console.log(table(rows, columns));
  if (next) console.log(`(more: --cursor ${next})`);
}

/** --data: JSON text, or @file with JSON in it. */
export function jsonOption(value: string): Record<string, unknown> {
  let text = value;
  if (value.startsWith('@')) {
    try {
      text = readFileSync(value.slice(1), 'utf8');
    } catch (err) {
      throw new InvalidArgumentError(`cannot read ${value.slice(1)}: ${(err as Error).message}`);
    }
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new InvalidArgumentError('expected JSON, or @file holding JSON');
  }
}

export function intArg(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a positive whole number');
  return n;
}

/** --header name=value (repeatable). */
export function headerArg(value: string, previous: Record<string, string> = {}): Record<string, string> {
  const at = value.indexOf('=');
  if (at < 1) throw new InvalidArgumentError('expected name=value');
  return { ...previous, [value.slice(0, at)]: value.slice(at + 1) };
}
