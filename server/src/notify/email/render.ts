/** Plain-text and HTML bodies of the e-mails opsboard sends. */

export interface EmailItem {
  title: string;
  body: string;
  /** Absolute link to the thing, when the server knows its public URL. */
  link: string | null;
}

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

function itemText(item: EmailItem): string {
  return [item.title, item.body, item.link ? `Open: ${item.link}` : ''].filter(Boolean).join('\n\n');
}

function itemHtml(item: EmailItem): string {
  const body = item.body ? `<p style="white-space:pre-wrap">${escape(item.body)}</p>` : '';
  const link = item.link ? `<p><a href="${escape(item.link)}">Open in opsboard</a></p>` : '';
  return `<h2 style="font-size:16px">${escape(item.title)}</h2>${body}${link}`;
}

const FOOTER = 'You get this because of your notification preferences in opsboard (Your account → Notifications).';

function page(inner: string): string {
  return `<!doctype html><html><body style="font-family:system-ui,sans-serif;line-height:1.4">${inner}<hr><p style="color:#666;font-size:12px">${escape(FOOTER)}</p></body></html>`;
}

/** One notice, one e-mail. */
export function renderNotice(item: EmailItem): RenderedEmail {
  return { subject: `[opsboard] ${item.title}`, text: `${itemText(item)}\n\n-- \n${FOOTER}\n`, html: page(itemHtml(item)) };
}

/** Several notices gathered into one digest e-mail, oldest first. */
export function renderDigest(items: EmailItem[]): RenderedEmail {
  const subject = `[opsboard] Digest: ${items.length} notification${items.length === 1 ? '' : 's'}`;
  const text = `${items.map(itemText).join('\n\n----\n\n')}\n\n-- \n${FOOTER}\n`;
  return { subject, text, html: page(`<h1 style="font-size:18px">${escape(subject.slice(11))}</h1>${items.map(itemHtml).join('<hr>')}`) };
}
