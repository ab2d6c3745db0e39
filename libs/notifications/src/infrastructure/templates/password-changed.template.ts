import { type LocalizedMailTemplate, small } from './mail-template.js';

/** A change ends the current session; other sessions and tokens end only with `sessionsExpired`. */
export const PASSWORD_CHANGED_TEMPLATE: LocalizedMailTemplate = {
  en: {
    subject: 'Your {{organizationDisplayName}} password was changed',
    text: `The password of your {{organizationDisplayName}} account ({{email}}) was changed on {{occurredAt}}.

{{#if sessionsExpired}}Every sign-in session, access token and API token of the account was expired: sign in again on each device with the new password, and create new API tokens where you need them.{{else}}Your other sign-in sessions and API tokens were not expired and keep working until they end.{{/if}}

If you did not change your password, reset it at once from the sign-in page and contact your administrator.`,
    html: `{{#> layout}}
<p>The password of your {{organizationDisplayName}} account ({{email}}) was changed on {{occurredAt}}.</p>
{{#if sessionsExpired}}<p>Every sign-in session, access token and API token of the account was expired: sign in again on each device with the new password, and create new API tokens where you need them.</p>{{else}}<p>Your other sign-in sessions and API tokens were not expired and keep working until they end.</p>{{/if}}
${small('If you did not change your password, reset it at once from the sign-in page and contact your administrator.')}
{{/layout}}`,
  },
  ko: {
    subject: '{{organizationDisplayName}} 비밀번호가 변경되었습니다',
    text: `{{organizationDisplayName}} 계정({{email}})의 비밀번호가 {{occurredAt}}에 변경되었습니다.

{{#if sessionsExpired}}이 계정의 모든 로그인 세션, 액세스 토큰과 API 토큰이 만료되었습니다. 각 기기에서 새 비밀번호로 다시 로그인하고, 필요한 곳에는 새 API 토큰을 만드세요.{{else}}다른 로그인 세션과 API 토큰은 만료되지 않았으며 각자 끝날 때까지 계속 사용할 수 있습니다.{{/if}}

직접 변경하지 않으셨다면 즉시 로그인 화면에서 비밀번호를 재설정하고 관리자에게 알리세요.`,
    html: `{{#> layout}}
<p>{{organizationDisplayName}} 계정({{email}})의 비밀번호가 {{occurredAt}}에 변경되었습니다.</p>
{{#if sessionsExpired}}<p>이 계정의 모든 로그인 세션, 액세스 토큰과 API 토큰이 만료되었습니다. 각 기기에서 새 비밀번호로 다시 로그인하고, 필요한 곳에는 새 API 토큰을 만드세요.</p>{{else}}<p>다른 로그인 세션과 API 토큰은 만료되지 않았으며 각자 끝날 때까지 계속 사용할 수 있습니다.</p>{{/if}}
${small('직접 변경하지 않으셨다면 즉시 로그인 화면에서 비밀번호를 재설정하고 관리자에게 알리세요.')}
{{/layout}}`,
  },
};
