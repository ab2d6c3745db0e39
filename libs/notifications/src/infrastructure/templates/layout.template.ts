/** The HTML frame every e-mail shares; the message itself fills `@partial-block`. */
export const LAYOUT_TEMPLATE = `<!doctype html>
<html lang="{{locale}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{subject}}</title>
</head>
<body style="margin:0;padding:24px;background:#f5f6f8;font-family:-apple-system,'Segoe UI',Roboto,'Apple SD Gothic Neo','Malgun Gothic',sans-serif;color:#1a1a1a">
<div style="max-width:560px;margin:0 auto;padding:24px;background:#ffffff;border-radius:8px;font-size:15px;line-height:1.5">
<p style="margin-top:0;font-size:13px;font-weight:600;color:#555555">{{organizationDisplayName}}</p>
{{> @partial-block}}
</div>
</body>
</html>`;
