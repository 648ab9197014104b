/**
 * The HTTP API (docs/api.md) as typed functions, and the result shapes the views read. Shapes the
 * server defines are imported as types only from the contract (src/contract), so nothing of the
 * server enters the bundle (`npm run lint:deps` checks it).
 */
import type {
  Bid,
  LogEntry,
  DealPoint,
  PartitionSummary,
  TradeSession,
  TradeNegotiationRun,
  Threshold,
} from '../../src/contract/negotiation.ts';
import type { Progress, RunKind, RunStatus, RunSummary } from '../../src/contract/run.ts';

export type {
  LogEntry,
  Threshold,
  DealPoint,
  PartitionSummary,
  TradeSession,
  TradeNegotiationRun,
  RunKind,
  RunStatus,
  RunSummary,
};

export interface Issue {
  path: (string | number)[];
  message: string;
  line?: number;
  col?: number;
}

export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: Issue[] = [],
  ) {
    super(message);
  }
}

export interface Run<R = unknown> extends RunSummary {
  scenario: string;
  result: R | null;
  progress?: Progress;
}

export type { Progress };

/** One country's result (scenario-format.md): percent changes; absent fields are not produced by the model. */
export type CountryResult = Partial<Record<string, number>>;

export interface SolveResult {
  status: 'converged' | 'not-converged';
  model: string;
  dataset: string;
  countries: Record<string, CountryResult>;
  groups?: Record<string, CountryResult>;
}

export interface Talks {
  venue: string;
  city?: string;
  delegations?: Record<string, string[]>;
  outcome?: string;
}

export interface SectorRow {
  output_pct: number;
  price_pct: number;
  exports_pct: number;
  imports_pct: number;
  real_output_pct: number;
  value_lost: number;
}

export interface TimelineStep {
  date: string;
  label: string;
  source: string;
  assumption?: string;
  talks?: Talks;
  deadline?: { date: string; label: string };
  solved: boolean;
  status: string;
  countries: Record<string, CountryResult>;
  groups?: Record<string, CountryResult>;
  average_tariffs: Record<string, number>;
  sectors?: Record<string, Record<string, SectorRow>>;
  bilateral_exports_pct?: Record<string, Record<string, number>>;
}

export interface TimelineResult {
  model: string;
  dataset: string;
  status: 'converged' | 'not-converged';
  seconds: number;
  start: { average_tariffs: Record<string, number> };
  steps: TimelineStep[];
}

export interface SolutionPoint {
  utility: [number, number];
  bid: Record<string, string | number>;
}

export interface Analysis {
  domain: string;
  outcomes: number;
  sampled: boolean;
  disagreement: [number, number];
  pareto: [number, number][];
  nash: SolutionPoint | null;
  kalai_smorodinsky: SolutionPoint | null;
  egalitarian: SolutionPoint | null;
  utilitarian: SolutionPoint | null;
  opposition: number;
}

export type TradeBid = Bid;

export type PartitionName = 'separate' | 'linked' | 'full';

/** GET /api/runs/:id/deals (src/server/routes/negotiation.ts): every deal of a negotiation run. */
export interface DealMap {
  run: string;
  parties: [string, string];
  issues: { id: string; grid: number[]; disagreement: number }[];
  leaders: { name: string | null; threshold: Threshold; own_objective: boolean }[];
  partitions: Record<PartitionName, string[][]>;
  disagreement_index: number;
  deals: {
    values: number[][];
    delegation: [(number | null)[], (number | null)[]];
    leaders: [(number | null)[], (number | null)[]];
    ratification: Record<PartitionName, (number | null)[]>;
  };
}

export interface Source {
  name: string;
  citation?: string;
  repository?: string;
  commit?: string;
  path?: string;
  url?: string;
  licence: string;
}

export interface DatasetInfo {
  id: string;
  name: string;
  description: string;
  version: string;
  base_year: number;
  regions: { code: string; name: string }[];
  sectors: { code: string; name: string; tradable: boolean }[];
  groups: Record<string, string[]>;
  sector_groups: Record<string, string[]>;
  citations: string[];
  provenance: { sources: Source[]; [k: string]: unknown };
}

export interface EmbeddedScenario {
  id: string;
  file: string;
  name: string | null;
  description: string | null;
  model: string | null;
  dataset: string | null;
  timeline: boolean;
  valid: boolean;
  issues: Issue[];
  text: string;
}

/** Where the write token is kept for this browser tab (sessionStorage: gone when the tab closes). */
const TOKEN_KEY = 'lancaster.token';

const storedToken = (): string | null =>
  typeof sessionStorage === 'undefined' ? null : sessionStorage.getItem(TOKEN_KEY);

/** `init` with the stored token as a bearer header, when there is one. */
function withToken(init?: RequestInit): RequestInit | undefined {
  const token = storedToken();
  if (!token) return init;
  return {
    ...init,
    headers: { ...(init?.headers as Record<string, string> | undefined), authorization: `Bearer ${token}` },
  };
}

/**
 * Asks for the server's write token (once per refusal: a wrong token is asked for again) and keeps
 * it for the tab; false when the user gives none.
 */
function askToken(code: string): boolean {
  if (typeof window === 'undefined' || typeof window.prompt !== 'function') return false;
  const why = code === 'bad_token' ? 'The token was not accepted. ' : '';
  const t = window
    .prompt(
      `${why}This Lancaster server requires a token for submitting and deleting ` +
        `runs (lancaster serve --token / LANCASTER_TOKEN). Token:`,
    )
    ?.trim();
  if (!t) return false;
  sessionStorage.setItem(TOKEN_KEY, t);
  return true;
}

async function call<T>(url: string, init?: RequestInit): Promise<T> {
  let res = await fetch(url, withToken(init));
  if (res.status === 401) {
    const code =
      (
        (await res
          .clone()
          .json()
          .catch(() => ({}))) as { error?: string }
      ).error ?? '';
    if ((code === 'token_required' || code === 'bad_token') && askToken(code)) res = await fetch(url, withToken(init));
  }
  if (res.status === 204) return undefined as T;
  const body = await res.json().catch(() => ({}));
  if (!res.ok)
    throw new ApiFailure(res.status, body.error ?? 'error', body.message ?? `HTTP ${res.status}`, body.issues ?? []);
  return body as T;
}

const yamlInit = (text: string): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/yaml' },
  body: text,
});

export const api = {
  datasets: () => call<{ datasets: DatasetInfo[] }>('api/datasets').then((r) => r.datasets),
  embedded: () => call<{ scenarios: EmbeddedScenario[] }>('api/scenarios/embedded').then((r) => r.scenarios),
  /**
   * 200 {valid: true, kind, …}: the file checked as the run kind it is (submit it as that kind), or
   * throws ApiFailure with located issues.
   */
  validate: (text: string, signal?: AbortSignal) =>
    call<{ valid: true; kind: RunKind; name: string; model: string; dataset: string; dataset_version: string | null }>(
      'api/scenarios/validate',
      { ...yamlInit(text), signal },
    ),
  /** Submits a YAML scenario as a run of `kind`; returns the run id. */
  submit: (kind: RunKind, text: string) =>
    call<{ id: string }>(`api/runs?kind=${kind}`, yamlInit(text)).then((r) => r.id),
  /** Submits a JSON-able input (analyze runs: the GENIUS XML texts). */
  submitJson: (kind: RunKind, input: unknown) =>
    call<{ id: string }>('api/runs', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ kind, scenario: JSON.stringify(input) }),
    }).then((r) => r.id),
  run: <R>(id: string) => call<Run<R>>(`api/runs/${encodeURIComponent(id)}`),
  runs: (q: { kind?: RunKind; status?: RunStatus; limit?: number } = {}) => {
    const p = new URLSearchParams(
      Object.entries(q)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => [k, String(v)]),
    );
    return call<{ runs: RunSummary[]; total: number }>(`api/runs?${p}`).then((r) => r.runs);
  },
  /** Every deal of a negotiation run (the deal cloud); may be asked for while the run is going. */
  deals: (id: string) => call<DealMap>(`api/runs/${encodeURIComponent(id)}/deals`),
  remove: (id: string) => call<void>(`api/runs/${encodeURIComponent(id)}`, { method: 'DELETE' }),
};

/**
 * Follows a run's server-sent events until it is done or failed, then returns the stored run.
 * Falls back to polling when EventSource is not available or the stream breaks.
 */
export function waitForRun<R>(id: string, onProgress?: (p: Progress) => void): Promise<Run<R>> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const finish = () => {
      if (settled) return;
      settled = true;
      es?.close();
      api.run<R>(id).then(resolve, reject);
    };
    const poll = async () => {
      while (!settled) {
        const r = await api.run<R>(id).catch(() => undefined);
        if (r && (r.status === 'done' || r.status === 'failed' || r.status === 'cancelled')) return finish();
        if (r?.progress) onProgress?.(r.progress);
        await new Promise((s) => setTimeout(s, 400));
      }
    };
    let es: EventSource | undefined;
    if (typeof EventSource === 'undefined') return void poll();
    es = new EventSource(`api/runs/${encodeURIComponent(id)}/events`);
    es.addEventListener('progress', (e) => onProgress?.(JSON.parse((e as MessageEvent).data)));
    es.addEventListener('done', finish);
    es.addEventListener('failed', finish);
    es.addEventListener('cancelled', finish);
    es.onerror = () => {
      es?.close();
      if (!settled) void poll();
    };
  });
}

/** Submits and waits; throws ApiFailure (400 with issues) or Error(run.error) for a failed run. */
export async function runScenario<R>(kind: RunKind, text: string, onProgress?: (p: Progress) => void): Promise<Run<R>> {
  const id = await api.submit(kind, text);
  const run = await waitForRun<R>(id, onProgress);
  if (run.status === 'failed' || run.status === 'cancelled')
    throw new Error(run.error ?? `the run ${run.status === 'cancelled' ? 'was cancelled' : 'failed'}`);
  return run;
}
