// Types for invite-playground.js (the ES module API). Results have the shapes the CLI
// prints with --format json; see README "Script it from JavaScript". Each function
// throws an Error ("invite-playground: …") naming a text that is not a string, options
// that are not an object, an option or `call` member it does not know, or a bad value.

export type ApiVersion = "beta" | "v1.0";
export type Lang = "en" | "pt-BR";
export type Severity = "error" | "warning" | "info";

export interface CallContext {
  callId?: string;
  kind?: "group" | "peerToPeer";
  state?: string;
  chatInfo?: boolean;
  callbackUrl?: string;
  tenantId?: string;
  token?: "application" | "delegated";
  roles?: string[];
  pstnProvisioned?: boolean;
  replacedCall?: { id: string; state: string } | null;
}

export interface Diagnostic {
  severity: Severity;
  code: string;
  /** JSON Pointer into the body; absent for a finding off the body (a header, the request line). */
  pointer?: string;
  line: number;
  column: number;
  message: string;
  help: string;
}

export interface CheckResult {
  valid: boolean;
  errors: number;
  warnings: number;
  diagnostics: Diagnostic[];
  /** Counted but not listed (past 10,000 of one severity, fewer when pointers are long). */
  omitted?: number;
}

export interface TimelineEvent {
  atMs: number;
  from: string;
  to: string;
  kind: "request" | "response" | "notification";
  method?: string;
  url?: string;
  status?: number;
  headers: Record<string, string>;
  subject?: string;
  body: unknown;
  notes?: unknown[];
}

export interface SimulateResult {
  outcome: string;
  mode: "corrected" | "doc-faithful";
  callId: string;
  events: TimelineEvent[];
  signals: unknown[];
  valid: boolean;
  /** The request's own errors made Graph turn it down: the outcome was never reached. */
  rejected: boolean;
}

export interface ExplainResult {
  kind: "notifications" | "operation" | "error" | null;
  valid: boolean;
  errors: number;
  warnings: number;
  diagnostics: Diagnostic[];
  items: { step: string; status?: string; code?: number; subcode?: number; meaning: string; next: string; source: string }[];
  httpStatus?: number;
  /** Notifications past the first 10,000: counted, not explained. */
  unexplained?: number;
}

export interface PresetsResult {
  presets: { name: string; title: string; request: string }[];
  outcomes: { name: string; description: string }[];
  modes: string[];
}

export type SnippetLang =
  | "csharp" | "go" | "java" | "javascript" | "typescript" | "php" | "powershell" | "python" | "curl" | "http" | "json";

/** Checks a JSON body, a whole HTTP request message, or a cURL command (read as the message it sends: see `fromCurl`). */
export function check(text: string, options?: { api?: ApiVersion; lang?: Lang; call?: CallContext; preset?: string }): CheckResult;
/** Plays the exchange: the 200 (or the error), then the notifications. */
export function simulate(
  text: string,
  options?: { outcome?: string; mode?: "corrected" | "doc-faithful"; seed?: number | bigint; call?: CallContext; preset?: string; api?: ApiVersion },
): SimulateResult;
/** Explains what the bot received: a notification, an operation, an error envelope (or an HTTP message of one). */
export function explain(text: string, options?: { request?: string; api?: ApiVersion; lang?: Lang }): ExplainResult;
/** The request as code in an SDK's language. */
export function snippet(text: string, options?: { lang?: SnippetLang; api?: ApiVersion; call?: CallContext; preset?: string }): string;
/**
 * The HTTP request message a cURL command sends (bash, or Windows `cmd` as browsers copy it):
 * `check`, `simulate`, `snippet` and `explain`'s `request` read a command as this message, and
 * a diagnostic's line and column count in it. `-d @file` stays as written (a page has no files).
 * `null` for any other text, a command whose quotes do not close, or one without a URL.
 */
export function fromCurl(text: string): string | null;
/** The examples (with their corrected request text), outcomes and modes. */
export function presets(options?: { lang?: Lang }): PresetsResult;
/** The version of Invite Playground this module was built from. */
export function version(): string;
