import { linkButton, type LocalizedMailTemplate, small } from './mail-template.js';

export const ACCOUNT_LOCKED_TEMPLATE: LocalizedMailTemplate = {
  en: {
    subject: 'Your {{organizationDisplayName}} account is locked',
    text: `Your {{organizationDisplayName}} account ({{email}}) was locked after too many failed sign-in attempts.

To unlock it, choose a new password with this link:
{{link}}

The link works once and expires on {{expiresAt}}. After it expires, ask for a new one from the sign-in page.

If the failed attempts were not yours, someone may be trying to guess your password: choose a new one that you use nowhere else.`,
    html: `{{#> layout}}
<p>Your {{organizationDisplayName}} account ({{email}}) was locked after too many failed sign-in attempts.</p>
<p>To unlock it, choose a new password.</p>
${linkButton('Choose a new password', 'Or open this address in your browser:')}
<p>The link works once and expires on {{expiresAt}}. After it expires, ask for a new one from the sign-in page.</p>
${small('If the failed attempts were not yours, someone may be trying to guess your password: choose a new one that you use nowhere else.')}
{{/layout}}`,
  },
  ko: {
    subject: '{{organizationDisplayName}} 계정이 잠겼습니다',
    text: `로그인 실패가 여러 번 이어져 {{organizationDisplayName}} 계정({{email}})이 잠겼습니다.

잠금을 풀려면 아래 링크에서 새 비밀번호를 설정하세요:
{{link}}

이 링크는 한 번만 사용할 수 있으며 {{expiresAt}}에 만료됩니다. 만료된 뒤에는 로그인 화면에서 새 링크를 요청하세요.

직접 시도한 것이 아니라면 누군가 비밀번호를 추측하고 있을 수 있습니다. 다른 곳에서 쓰지 않는 새 비밀번호를 정하세요.`,
    html: `{{#> layout}}
<p>로그인 실패가 여러 번 이어져 {{organizationDisplayName}} 계정({{email}})이 잠겼습니다.</p>
<p>잠금을 풀려면 새 비밀번호를 설정하세요.</p>
${linkButton('새 비밀번호 설정', '버튼이 열리지 않으면 아래 주소를 브라우저에서 여세요:')}
<p>이 링크는 한 번만 사용할 수 있으며 {{expiresAt}}에 만료됩니다. 만료된 뒤에는 로그인 화면에서 새 링크를 요청하세요.</p>
${small('직접 시도한 것이 아니라면 누군가 비밀번호를 추측하고 있을 수 있습니다. 다른 곳에서 쓰지 않는 새 비밀번호를 정하세요.')}
{{/layout}}`,
  },
};
