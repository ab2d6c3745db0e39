import { api, ApiError, type Violation } from '../api.client.js';
import { h, uniqueId } from '../html.builder.js';

/** The body of `GET /v1/organizations/{organization}/password-policy` (docs/api.md#password-policy). */
interface PolicyDescription {
  rules: Array<{ code: string; enabled: boolean; description: string }>;
}

interface CheckResult {
  ok: boolean;
  violations: Violation[];
}

type RuleState = 'pending' | 'met' | 'broken' | 'on-submit';

const STATE_TEXT: Record<RuleState, string> = {
  pending: 'not checked yet',
  met: 'met',
  broken: 'not met',
  'on-submit': 'checked when you submit',
};

// The history rule needs the account, which the check endpoint does not have (docs/api.md#password-policy).
const CHECKED_ON_SUBMIT = new Set(['REUSED']);
const DEBOUNCE_MS = 350;

/**
 * The organization's rules, each marked met or not met as the person types. The marks come from
 * `POST /v1/password-policy/check` (debounced), so they are exactly what the server will enforce.
 */
export class PasswordRules {
  readonly id = uniqueId('rules');
  readonly element: HTMLElement;
  private readonly list = h('ul', { class: 'rules', id: this.id });
  private readonly summary = h('p', { class: 'rules-summary', 'aria-live': 'polite' });
  private items = new Map<string, HTMLLIElement>();
  private timer: number | undefined;
  private inFlight: AbortController | null = null;

  constructor(
    private organization: string | null,
    private readonly email: () => string | undefined,
  ) {
    this.element = h(
      'section',
      { class: 'rules-box', 'aria-label': 'Password rules' },
      h('h3', {}, 'Password rules'),
      this.list,
      this.summary,
    );
  }

  /** The organization whose rules were last loaded: it exists, as typed. */
  organizationFound: string | null = null;

  async load(organization = this.organization): Promise<void> {
    this.organization = organization;
    this.organizationFound = null;
    if (!organization) {
      this.list.replaceChildren(h('li', {}, 'Enter your organization name to see its password rules.'));
      return;
    }
    try {
      const policy = await api<PolicyDescription>('GET', `/v1/organizations/${encodeURIComponent(organization)}/password-policy`);
      this.items = new Map(policy.rules.filter((rule) => rule.enabled).map((rule) => [rule.code, this.item(rule.code, rule.description)]));
      this.list.replaceChildren(...this.items.values());
      if (this.organization === organization) this.organizationFound = organization;
    } catch {
      this.items.clear();
      this.list.replaceChildren(h('li', {}, 'The rules could not be loaded. The password is still checked when you submit it.'));
    }
  }

  /** Checks what is typed in `input`, shortly after the person stops typing. */
  watch(input: HTMLInputElement): void {
    input.setAttribute('aria-describedby', [input.getAttribute('aria-describedby'), this.id].filter(Boolean).join(' '));
    input.addEventListener('input', () => {
      window.clearTimeout(this.timer);
      this.timer = window.setTimeout(() => void this.check(input.value), DEBOUNCE_MS);
    });
  }

  /** Shows the server's verdict on a submitted password (including REUSED). */
  showViolations(violations: Violation[]): void {
    const broken = new Set(violations.map((violation) => violation.code));
    for (const [code, item] of this.items)
      this.mark(item, broken.has(code) ? 'broken' : CHECKED_ON_SUBMIT.has(code) ? 'met' : (item.dataset.state as RuleState));
    this.summarize(violations);
  }

  private async check(password: string): Promise<void> {
    this.inFlight?.abort();
    if (!password || !this.organization) {
      for (const [code, item] of this.items) this.mark(item, CHECKED_ON_SUBMIT.has(code) ? 'on-submit' : 'pending');
      this.summary.textContent = '';
      return;
    }
    const controller = new AbortController();
    this.inFlight = controller;
    try {
      const body = { organization: this.organization, password, email: this.email() || undefined };
      const result = await api<CheckResult>('POST', '/v1/password-policy/check', { body, signal: controller.signal });
      if (controller.signal.aborted) return;
      const broken = new Set(result.violations.map((violation) => violation.code));
      for (const [code, item] of this.items)
        this.mark(item, CHECKED_ON_SUBMIT.has(code) ? 'on-submit' : broken.has(code) ? 'broken' : 'met');
      this.summarize(result.violations);
    } catch (error) {
      if (controller.signal.aborted) return;
      this.summary.textContent =
        error instanceof ApiError && error.code === 'RATE_LIMITED'
          ? 'Live checking is paused for a moment; the password is still checked when you submit it.'
          : 'The password could not be checked right now; it is still checked when you submit it.';
    }
  }

  private summarize(violations: Violation[]): void {
    this.summary.textContent =
      violations.length === 0
        ? 'The password meets every rule checked so far.'
        : `Not met yet: ${violations.map((v) => v.message).join(' ')}`;
  }

  private item(code: string, description: string): HTMLLIElement {
    const item = h(
      'li',
      { 'data-rule': code },
      h('span', { class: 'rule-mark', 'aria-hidden': 'true' }),
      h('span', {}, description),
      h('span', { class: 'rule-state' }),
    );
    this.mark(item, CHECKED_ON_SUBMIT.has(code) ? 'on-submit' : 'pending');
    return item;
  }

  private mark(item: HTMLLIElement, state: RuleState): void {
    item.dataset.state = state;
    item.querySelector('.rule-mark')!.textContent = state === 'met' ? '✓' : state === 'broken' ? '✗' : '•';
    item.querySelector('.rule-state')!.textContent = ` (${STATE_TEXT[state]})`;
  }
}
