// Small formatting shared by the portal's pages, and the shapes of the API answers they read.
import { html, type Html } from './html';

export interface DestinationView {
  id: string;
  type: string;
  url?: string;
  events: string[];
  description: string;
  disabled: boolean;
  disabledReason?: string;
  paused: boolean;
  managedBy: 'config' | 'api';
  filter?: unknown;
  headers?: Record<string, string>;
  retry?: { maximumAttempts: number; initialInterval: number; backoffCoefficient: number; maximumInterval: number };
  rateLimit?: { perSecond: number; burst?: number };
  health?: { state: 'closed' | 'open' | 'half_open'; retryAt?: string; lastError?: string; deliveriesWaiting?: number };
  warnings?: string[];
}

export interface LastAttempt {
  at: string;
  outcome: string;
  statusCode?: number;
  error?: string;
}

export function ms(value: number | undefined): string {
  if (value === undefined) return '';
  for (const [unit, size] of [
    ['d', 86_400_000],
    ['h', 3_600_000],
    ['m', 60_000],
    ['s', 1000],
  ] as const)
    if (value >= size && value % size === 0) return `${value / size}${unit}`;
  return `${value}ms`;
}

export const percent = (ratio: number | null | undefined) =>
  ratio === null || ratio === undefined ? '—' : `${(Math.floor(ratio * 1000) / 10).toFixed(1)} %`;

export function endpointStatus(d: DestinationView): Html {
  const badges: Html[] = [];
  if (d.disabled) badges.push(html`<span class="badge bad">disabled</span>`);
  else if (d.paused) badges.push(html`<span class="badge warn">paused</span>`);
  else badges.push(html`<span class="badge ok">active</span>`);
  if (d.health?.state === 'open') badges.push(html` <span class="badge bad">circuit open</span>`);
  if (d.health?.state === 'half_open') badges.push(html` <span class="badge warn">circuit probing</span>`);
  return html`${badges}`;
}

const STATUS_CLASS: Record<string, string> = {
  delivered: 'ok',
  failed: 'bad',
  expired: 'bad',
  cancelled: 'muted',
  retrying: 'warn',
  scheduled: 'muted',
  pending: 'muted',
  delivering: 'warn',
};

export const statusBadge = (status: string) => html`<span class="badge ${STATUS_CLASS[status] ?? 'muted'}">${status}</span>`;

export const target = (d: DestinationView) =>
  d.url ?? (d as { topic?: string }).topic ?? (d as { queueUrl?: string }).queueUrl ?? d.type;
