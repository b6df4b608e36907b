/**
 * Markdown to safe HTML for card descriptions: marked for the syntax,
 * DOMPurify for safety. Inline styles and images are dropped because the
 * app's CSP would refuse them anyway (and log an error for each).
 */
import DOMPurify from 'dompurify';
import { marked } from 'marked';

DOMPurify.addHook('afterSanitizeAttributes', (node) => {
  if (node instanceof HTMLAnchorElement) {
    node.setAttribute('target', '_blank');
    node.setAttribute('rel', 'noopener noreferrer');
  }
  // Task-list checkboxes are shown, never edited in place.
  if (node instanceof HTMLInputElement) {
    if (node.type !== 'checkbox') node.remove();
    else node.setAttribute('disabled', '');
  }
});

export function renderMarkdown(source: string): string {
  const html = marked(source, { async: false, gfm: true, breaks: true });
  return DOMPurify.sanitize(html, { FORBID_TAGS: ['style', 'img', 'iframe', 'form', 'button'], FORBID_ATTR: ['style', 'class', 'id'] });
}
