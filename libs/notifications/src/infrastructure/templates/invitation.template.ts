import { linkButton, type LocalizedMailTemplate, small } from './mail-template.js';

export const INVITATION_TEMPLATE: LocalizedMailTemplate = {
  en: {
    subject: 'You are invited to {{organizationDisplayName}}',
    text: `An account has been created for you ({{email}}) in {{organizationDisplayName}}.

To start, choose your password with this link:
{{link}}

The link works once and expires on {{expiresAt}}. After it expires, ask your administrator for a new invitation or request a password reset.

If you did not expect this invitation, you can ignore this e-mail.`,
    html: `{{#> layout}}
<p>An account has been created for you ({{email}}) in {{organizationDisplayName}}.</p>
${linkButton('Choose your password', 'Or open this address in your browser:')}
<p>The link works once and expires on {{expiresAt}}. After it expires, ask your administrator for a new invitation or request a password reset.</p>
${small('If you did not expect this invitation, you can ignore this e-mail.')}
{{/layout}}`,
  },
  ko: {
    subject: '{{organizationDisplayName}}에 초대되었습니다',
    text: `{{organizationDisplayName}}에 회원님의 계정({{email}})이 만들어졌습니다.

아래 링크에서 비밀번호를 설정하고 시작하세요:
{{link}}

이 링크는 한 번만 사용할 수 있으며 {{expiresAt}}에 만료됩니다. 만료된 뒤에는 관리자에게 다시 초대를 요청하거나 비밀번호 재설정을 요청하세요.

예상하지 못한 초대라면 이 메일을 무시하셔도 됩니다.`,
    html: `{{#> layout}}
<p>{{organizationDisplayName}}에 회원님의 계정({{email}})이 만들어졌습니다.</p>
${linkButton('비밀번호 설정', '버튼이 열리지 않으면 아래 주소를 브라우저에서 여세요:')}
<p>이 링크는 한 번만 사용할 수 있으며 {{expiresAt}}에 만료됩니다. 만료된 뒤에는 관리자에게 다시 초대를 요청하거나 비밀번호 재설정을 요청하세요.</p>
${small('예상하지 못한 초대라면 이 메일을 무시하셔도 됩니다.')}
{{/layout}}`,
  },
};
