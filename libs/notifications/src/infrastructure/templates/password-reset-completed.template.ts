import { type LocalizedMailTemplate, small } from './mail-template.js';

/** A reset always ends every sign-in session; `sessionsExpired` adds the tokens. */
export const PASSWORD_RESET_COMPLETED_TEMPLATE: LocalizedMailTemplate = {
  en: {
    subject: 'Your {{organizationDisplayName}} password was reset',
    text: `The password of your {{organizationDisplayName}} account ({{email}}) was reset on {{occurredAt}}.

Every sign-in session of the account was ended: sign in again with the new password.
{{#if sessionsExpired}}All access tokens and API tokens of the account were expired too: create new API tokens where you need them.{{else}}Your API tokens were not expired and keep working.{{/if}}

If you did not reset your password, contact your administrator at once.`,
    html: `{{#> layout}}
<p>The password of your {{organizationDisplayName}} account ({{email}}) was reset on {{occurredAt}}.</p>
<p>Every sign-in session of the account was ended: sign in again with the new password.</p>
{{#if sessionsExpired}}<p>All access tokens and API tokens of the account were expired too: create new API tokens where you need them.</p>{{else}}<p>Your API tokens were not expired and keep working.</p>{{/if}}
${small('If you did not reset your password, contact your administrator at once.')}
{{/layout}}`,
  },
  ko: {
    subject: '{{organizationDisplayName}} 비밀번호가 재설정되었습니다',
    text: `{{organizationDisplayName}} 계정({{email}})의 비밀번호가 {{occurredAt}}에 재설정되었습니다.

이 계정의 모든 로그인 세션이 종료되었습니다. 새 비밀번호로 다시 로그인하세요.
{{#if sessionsExpired}}이 계정의 모든 액세스 토큰과 API 토큰도 만료되었습니다. 필요한 곳에는 새 API 토큰을 만드세요.{{else}}API 토큰은 만료되지 않았으며 계속 사용할 수 있습니다.{{/if}}

직접 재설정하지 않으셨다면 즉시 관리자에게 알리세요.`,
    html: `{{#> layout}}
<p>{{organizationDisplayName}} 계정({{email}})의 비밀번호가 {{occurredAt}}에 재설정되었습니다.</p>
<p>이 계정의 모든 로그인 세션이 종료되었습니다. 새 비밀번호로 다시 로그인하세요.</p>
{{#if sessionsExpired}}<p>이 계정의 모든 액세스 토큰과 API 토큰도 만료되었습니다. 필요한 곳에는 새 API 토큰을 만드세요.</p>{{else}}<p>API 토큰은 만료되지 않았으며 계속 사용할 수 있습니다.</p>{{/if}}
${small('직접 재설정하지 않으셨다면 즉시 관리자에게 알리세요.')}
{{/layout}}`,
  },
};
