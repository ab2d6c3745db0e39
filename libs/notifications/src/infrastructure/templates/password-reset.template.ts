import { linkButton, type LocalizedMailTemplate, small } from './mail-template.js';

export const PASSWORD_RESET_TEMPLATE: LocalizedMailTemplate = {
  en: {
    subject: 'Reset your {{organizationDisplayName}} password',
    text: `Someone asked to reset the password of your {{organizationDisplayName}} account ({{email}}).

To choose a new password, open this link:
{{link}}

The link works once and expires on {{expiresAt}}.

If you did not ask for this, ignore this e-mail: your password stays as it is.`,
    html: `{{#> layout}}
<p>Someone asked to reset the password of your {{organizationDisplayName}} account ({{email}}).</p>
${linkButton('Choose a new password', 'Or open this address in your browser:')}
<p>The link works once and expires on {{expiresAt}}.</p>
${small('If you did not ask for this, ignore this e-mail: your password stays as it is.')}
{{/layout}}`,
  },
  ko: {
    subject: '{{organizationDisplayName}} 비밀번호 재설정',
    text: `{{organizationDisplayName}} 계정({{email}})의 비밀번호 재설정이 요청되었습니다.

새 비밀번호를 설정하려면 아래 링크를 여세요:
{{link}}

이 링크는 한 번만 사용할 수 있으며 {{expiresAt}}에 만료됩니다.

요청하지 않으셨다면 이 메일을 무시하세요. 비밀번호는 바뀌지 않습니다.`,
    html: `{{#> layout}}
<p>{{organizationDisplayName}} 계정({{email}})의 비밀번호 재설정이 요청되었습니다.</p>
${linkButton('새 비밀번호 설정', '버튼이 열리지 않으면 아래 주소를 브라우저에서 여세요:')}
<p>이 링크는 한 번만 사용할 수 있으며 {{expiresAt}}에 만료됩니다.</p>
${small('요청하지 않으셨다면 이 메일을 무시하세요. 비밀번호는 바뀌지 않습니다.')}
{{/layout}}`,
  },
};
