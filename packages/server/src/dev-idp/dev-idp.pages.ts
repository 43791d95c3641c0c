import type { DevIdentity } from './dev-identities.ts';

// The development provider's pages: plain HTML forms, no script and no inline style, so they
// run under the same strict Content-Security-Policy as Kontakta (style from a same-origin file).

export const DEV_IDP_STYLESHEET = `
body { font-family: system-ui, sans-serif; margin: 0; background: #f3f1ee; color: #1c1b1a; }
header { background: #193e4f; color: #fff; padding: 1rem 1.5rem; }
header p { margin: .25rem 0 0; }
main { max-width: 48rem; margin: 0 auto; padding: 1rem 1.5rem 3rem; }
h1 { font-size: 1.4rem; margin: 0; }
h2 { font-size: 1.15rem; margin: 2rem 0 .5rem; }
ul { list-style: none; padding: 0; margin: 0; }
li { margin: 0 0 .5rem; }
button { width: 100%; text-align: left; font: inherit; padding: .6rem .9rem; border: 1px solid #8a8580;
  border-radius: .4rem; background: #fff; color: inherit; cursor: pointer; }
button:hover, button:focus-visible { border-color: #193e4f; outline: 3px solid #8fc1d4; }
.name { display: block; font-weight: 600; }
.detail { display: block; font-size: .9rem; color: #4a4642; }
.cancel { margin-top: 2rem; width: auto; text-align: center; }
details summary { cursor: pointer; margin: .5rem 0; }
.warning { background: #fff4d6; border: 1px solid #c99a17; padding: .5rem .9rem; border-radius: .4rem; }
`;

const GROUPS: ReadonlyArray<{ group: DevIdentity['group']; heading: string; intro: string }> = [
  { group: 'citizen', heading: 'Invånare (BankID)', intro: 'Personer i testregistret över folkbokföringen.' },
  { group: 'staff', heading: 'Personal (SITHS)', intro: 'Personer i test-HSA-katalogen, med sina uppdrag.' },
  {
    group: 'test',
    heading: 'Identiteter som ska nekas',
    intro: 'För att pröva Kontaktas kontroller vid inloggning.',
  },
];

export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );
}

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="sv">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="/dev-idp/static/dev-idp.css">
</head>
<body>
<header><h1>Test-e-legitimation</h1><p>Utvecklingsleverantör som följer med Kontakta. Inte en riktig e-legitimation.</p></header>
<main>
${body}
</main>
</body>
</html>
`;
}

/** Choose a person: one button each, grouped like a test BankID's list; nobody types a personnummer. */
export function loginPage(uid: string, identities: readonly DevIdentity[]): string {
  const action = `/dev-idp/interaction/${encodeURIComponent(uid)}`;
  const button = (identity: DevIdentity) =>
    `<li><button type="submit" name="identity" value="${escapeHtml(identity.subject)}">` +
    `<span class="name">${escapeHtml(identity.name)}</span>` +
    `<span class="detail">${escapeHtml(identity.detail)}</span></button></li>`;
  const sections = GROUPS.map(({ group, heading, intro }) => {
    const members = identities.filter((i) => i.group === group);
    if (members.length === 0) return '';
    const special = members.filter((i) => group === 'test' || i.detail.includes(' · '));
    const others = members.filter((i) => !special.includes(i));
    const rest =
      others.length === 0
        ? ''
        : `<details><summary>Fler (${others.length})</summary><ul>${others.map(button).join('')}</ul></details>`;
    return `<section aria-labelledby="group-${group}"><h2 id="group-${group}">${escapeHtml(heading)}</h2>
<p>${escapeHtml(intro)}</p><ul>${special.map(button).join('')}</ul>${rest}</section>`;
  }).join('\n');
  return page(
    'Välj testperson – Test-e-legitimation',
    `<p class="warning">Välj den person du vill logga in som.</p>
<form method="post" action="${action}/login">
${sections}
</form>
<form method="post" action="${action}/abort"><button class="cancel" type="submit">Avbryt inloggningen</button></form>`,
  );
}

export function errorPage(error: string, description: string): string {
  return page(
    'Något gick fel – Test-e-legitimation',
    `<h2>Inloggningen kunde inte genomföras</h2><p>${escapeHtml(description || error)}</p>
<p><a href="/">Till Kontakta</a></p>`,
  );
}
