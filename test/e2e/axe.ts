import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';

/** The level Swedish public services must meet (DOS-lagen points to EN 301 549, i.e. WCAG 2.1 AA). */
export const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] as const;

/** One axe rule that failed, in a form that reads well in a failed assertion's diff. */
export type AccessibilityViolation = Readonly<{
  rule: string;
  impact: string;
  help: string;
  helpUrl: string;
  /** Each offending element: its CSS selector and what axe says to fix. */
  elements: readonly string[];
}>;

/**
 * Runs axe on the page as it is now and returns the WCAG 2.1 A/AA violations, empty when none.
 * Use as `expect(await accessibilityViolations(page)).toEqual([])`.
 */
export async function accessibilityViolations(
  page: Page,
  options: Readonly<{ include?: string; exclude?: string }> = {},
): Promise<AccessibilityViolation[]> {
  let builder = new AxeBuilder({ page }).withTags([...WCAG_21_AA]);
  if (options.include) builder = builder.include(options.include);
  if (options.exclude) builder = builder.exclude(options.exclude);
  const { violations } = await builder.analyze();
  return violations.map((violation) => ({
    rule: violation.id,
    impact: violation.impact ?? 'unknown',
    help: violation.help,
    helpUrl: violation.helpUrl,
    elements: violation.nodes.map(
      (node) => `${node.target.join(' ')}: ${(node.failureSummary ?? '').replace(/\s+/g, ' ').trim()}`,
    ),
  }));
}
