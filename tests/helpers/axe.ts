/**
 * axe-core in a browser test: its source is evaluated in the page (through
 * the driver, so the app's CSP does not stand in the way) and run over the
 * document as it is, dialogs and open panels included.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AxeResults, RunOptions } from 'axe-core';
import type { Page } from 'playwright-core';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

declare global {
  interface Window {
    axe?: { run(context: Document, options: RunOptions): Promise<AxeResults> };
  }
}

/** Every serious or critical violation on the page, one line each (rule, element, what to fix); empty when there is none. */
export async function seriousViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => window.axe !== undefined))) await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = window.axe!;
    const results = await axe.run(document, { resultTypes: ['violations'] });
    return results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .flatMap((v) => v.nodes.map((n) => `${v.impact} ${v.id}: ${n.target.join(' ')} (${n.failureSummary?.replace(/\s+/g, ' ') ?? v.help})`));
  });
}
