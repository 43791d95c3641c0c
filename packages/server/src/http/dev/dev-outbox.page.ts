import type { DevOutboxEntry } from '../../notifications/dev/dev-outbox.listing.ts';

// The /dev/outbox page: plain HTML, no scripts, styles from /dev/outbox.css (the CSP forbids
// inline ones). Every value is escaped: texts are what the templates produced, addresses are test data.

export const DEV_OUTBOX_CSS = `body{font-family:system-ui,sans-serif;margin:2rem auto;max-width:60rem;padding:0 1rem;color:#1a1a1a}
h1{font-size:1.6rem}article{border:1px solid #bbb;border-radius:.4rem;padding:.75rem 1rem;margin:1rem 0}
article h2{font-size:1.05rem;margin:0 0 .4rem}dl{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem;margin:0}
dt{font-weight:600}dd{margin:0}pre{white-space:pre-wrap;background:#f4f4f4;padding:.6rem;border-radius:.3rem}
.status-dead,.status-bounced,.status-failed{color:#a00000;font-weight:600}
`;

const CHANNEL_NAMES: Record<DevOutboxEntry['channel'], string> = { email: 'E-mail', sms: 'SMS', letter: 'Letter' };

export function renderDevOutboxPage(entries: readonly DevOutboxEntry[]): string {
  const items = entries.map(renderEntry).join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Development outbox – Kontakta</title>
<link rel="stylesheet" href="/dev/outbox.css">
</head>
<body>
<main>
<h1>Development outbox</h1>
<p>Every e-mail, SMS and letter Kontakta would have sent, newest first. Nothing has left this machine
(<code>KONTAKTA_DEV_OUTBOX=true</code>). <a href="/dev/outbox">Refresh</a> · <a href="/dev/outbox.json">JSON</a></p>
${entries.length === 0 ? '<p>No messages yet.</p>' : items}
</main>
</body>
</html>
`;
}

function renderEntry(entry: DevOutboxEntry): string {
  const rows: [string, string][] = [
    ['To', escapeHtml(entry.to)],
    ['Template', escapeHtml(entry.template)],
    ['When', `<time datetime="${escapeHtml(entry.createdAt)}">${escapeHtml(entry.createdAt)}</time>`],
    ['Status', `<span class="status-${escapeHtml(entry.status)}">${escapeHtml(entry.status)}</span>`],
    ['Id', `<code>${escapeHtml(entry.id)}</code>`],
  ];
  if (entry.subject !== undefined) rows.unshift(['Subject', escapeHtml(entry.subject)]);
  const pdf = entry.pdfUrl ? `<p><a href="${escapeHtml(entry.pdfUrl)}" download>Download the letter (PDF)</a></p>` : '';
  return `<article>
<h2>${CHANNEL_NAMES[entry.channel] ?? escapeHtml(entry.channel)}: ${escapeHtml(entry.subject ?? entry.template)}</h2>
<dl>${rows.map(([term, value]) => `<dt>${term}</dt><dd>${value}</dd>`).join('')}</dl>
<pre>${escapeHtml(entry.text)}</pre>
${pdf}
</article>`;
}

export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}
