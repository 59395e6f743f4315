import type {
  AttachmentMetadata,
  CreateUserRequest,
  DeskErrorBody,
  InboxQuery,
  LoginResult,
  Page,
  ReporterTicketView,
  TicketDetailView,
  TicketSummaryView,
  UnitView,
  UpdateUserRequest,
  UserView,
} from './desk-api.types';

/** A refused call: the HTTP status and desk's error body (with `code`, and `currentVersion` on a conflict). */
export class DeskApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: DeskErrorBody,
  ) {
    super(body.message || `desk answered ${status}`);
    this.name = 'DeskApiError';
  }
}

export interface DeskClientOptions {
  /** e.g. `http://127.0.0.1:3003` or the gateway's origin. */
  baseUrl: string;
  /** The caller's access token (officers, admin, leadership). */
  token?: string;
  /** The reporter key of a tracking id (what intake returned to the channel with it). */
  reporterKey?: (trackingId: string) => string;
  fetch?: typeof fetch;
}

type ArchiveCommandKind = 'spam' | 'out_of_scope' | 'duplicate' | 'incomplete_information';

/** Typed client of desk's HTTP API; every command passes the version the caller saw (If-Match). */
export class DeskClient {
  private readonly fetchImpl: typeof fetch;

  constructor(private readonly options: DeskClientOptions) {
    this.fetchImpl = options.fetch ?? globalThis.fetch;
  }

  withToken(token: string): DeskClient {
    return new DeskClient({ ...this.options, token });
  }

  login(username: string, password: string): Promise<LoginResult> {
    return this.call('POST', '/api/v1/auth/login', { body: { username, password }, anonymous: true });
  }
  me(): Promise<UserView> {
    return this.call('GET', '/api/v1/auth/me');
  }

  inbox(query: InboxQuery = {}): Promise<Page<TicketSummaryView>> {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) {
      if (value === undefined) continue;
      for (const v of Array.isArray(value) ? value : [value]) params.append(key, String(v));
    }
    const qs = params.toString();
    return this.call('GET', `/api/v1/tickets${qs ? `?${qs}` : ''}`);
  }
  ticket(id: string): Promise<TicketDetailView> {
    return this.call('GET', `/api/v1/tickets/${encodeURIComponent(id)}`);
  }

  acknowledge(id: string, version: number) {
    return this.command(id, 'acknowledge', version, {});
  }
  startWork(id: string, version: number) {
    return this.command(id, 'start-work', version, {});
  }
  addNote(id: string, version: number, note: string) {
    return this.command(id, 'notes', version, { note });
  }
  requestInfo(id: string, version: number, question: string) {
    return this.command(id, 'info-requests', version, { question });
  }
  postAnswer(id: string, version: number, answer: string, attachments: AttachmentMetadata[] = []) {
    return this.command(id, 'answers', version, { answer, attachments });
  }
  requestReassignment(id: string, version: number, reason: string) {
    return this.command(id, 'reassignment-requests', version, { reason });
  }
  dispose(id: string, version: number, unitCode: string, reason?: string) {
    return this.command(id, 'disposition', version, { unitCode, reason });
  }
  archive(id: string, version: number, kind: ArchiveCommandKind, reason: string, duplicateOfTicketId?: string) {
    return this.command(id, 'archive', version, { kind, reason, duplicateOfTicketId });
  }
  mergeInto(id: string, version: number, duplicateOfTicketId: string, reason?: string) {
    return this.command(id, 'merge', version, { duplicateOfTicketId, reason });
  }
  close(id: string, version: number, reason: string) {
    return this.command(id, 'close', version, { reason });
  }
  reopen(id: string, version: number, reason: string) {
    return this.command(id, 'reopen', version, { reason });
  }

  /** Intake's channels, with the reporter channel token. */
  reporterReply(trackingId: string, message: string) {
    return this.reporter(trackingId, 'replies', { message });
  }
  reporterRate(trackingId: string, rating: number) {
    return this.reporter(trackingId, 'ratings', { rating });
  }
  reporterReopen(trackingId: string, reason: string) {
    return this.reporter(trackingId, 'reopen', { reason });
  }
  reporterClose(trackingId: string, rating?: number) {
    return this.reporter(trackingId, 'close', { rating });
  }
  reporterWithdraw(trackingId: string, reason?: string) {
    return this.reporter(trackingId, 'withdraw', { reason });
  }

  users(): Promise<UserView[]> {
    return this.call('GET', '/api/v1/users');
  }
  createUser(request: CreateUserRequest): Promise<UserView> {
    return this.call('POST', '/api/v1/users', { body: request });
  }
  updateUser(id: string, request: UpdateUserRequest): Promise<UserView> {
    return this.call('PATCH', `/api/v1/users/${encodeURIComponent(id)}`, { body: request });
  }
  deactivateUser(id: string): Promise<UserView> {
    return this.call('POST', `/api/v1/users/${encodeURIComponent(id)}/deactivate`);
  }
  resetPassword(id: string, password: string): Promise<UserView> {
    return this.call('POST', `/api/v1/users/${encodeURIComponent(id)}/password`, { body: { password } });
  }
  units(): Promise<UnitView[]> {
    return this.call('GET', '/api/v1/units');
  }
  setUnitAsda(code: string, asdaGroup: 'I' | 'II' | 'III'): Promise<UnitView> {
    return this.call('PATCH', `/api/v1/units/${encodeURIComponent(code)}`, { body: { asdaGroup } });
  }

  private command(id: string, path: string, version: number, body: object): Promise<TicketDetailView> {
    return this.call('POST', `/api/v1/tickets/${encodeURIComponent(id)}/${path}`, { body, headers: { 'if-match': String(version) } });
  }

  private reporter(trackingId: string, path: string, body: object): Promise<ReporterTicketView> {
    return this.call('POST', `/api/v1/reporter/tickets/${encodeURIComponent(trackingId)}/${path}`, {
      body,
      anonymous: true,
      headers: { 'x-reporter-key': this.options.reporterKey?.(trackingId) ?? '' },
    });
  }

  private async call<T>(method: string, path: string, init: { body?: unknown; headers?: Record<string, string>; anonymous?: boolean } = {}): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json', ...init.headers };
    if (!init.anonymous && this.options.token) headers.authorization = `Bearer ${this.options.token}`;
    if (init.body !== undefined) headers['content-type'] = 'application/json';
    const response = await this.fetchImpl(this.options.baseUrl.replace(/\/$/, '') + path, {
      method,
      headers,
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
    const text = await response.text();
    const json = text ? JSON.parse(text) : undefined;
    if (!response.ok) throw new DeskApiError(response.status, json ?? { statusCode: response.status, error: response.statusText, message: response.statusText });
    return json as T;
  }
}
