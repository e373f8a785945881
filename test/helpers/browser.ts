import fs from 'node:fs'
import path from 'node:path'

import axe from 'axe-core'
import { chromium, type Browser, type Page } from 'playwright-core'

/** Debian's Chromium (`apt-get install chromium`); CHROMIUM_PATH points elsewhere if needed. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

export async function launchChromium(): Promise<Browser> {
  if (!fs.existsSync(chromiumPath)) {
    throw new Error(
      `Chromium is missing at ${chromiumPath}. The browser tests drive Debian's Chromium: install ` +
        'it with `sudo apt-get update && sudo apt-get install -y chromium` (or set CHROMIUM_PATH).',
    )
  }
  return chromium.launch({
    executablePath: chromiumPath,
    // No sandbox as root in CI; nothing may call out to the network beyond the test server.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  })
}

export type AxeViolation = { id: string; impact: string | null; help: string; nodes: number }

/** Runs axe-core in the page; returns the serious and critical violations. */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ content: axe.source })
  const results = await page.evaluate(async () => {
    const run = (window as unknown as { axe: typeof axe }).axe.run
    const outcome = await run(document, { resultTypes: ['violations'] })
    return outcome.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? null,
      help: v.help,
      nodes: v.nodes.length,
    }))
  })
  return results.filter((v) => v.impact === 'serious' || v.impact === 'critical')
}

const screenshotDir = path.join('test-results', 'screenshots')

/** A screenshot (of the full page unless told) under test-results/screenshots/ (ignored by git). */
export async function screenshot(
  page: Page,
  name: string,
  { fullPage = true }: { fullPage?: boolean } = {},
): Promise<void> {
  fs.mkdirSync(screenshotDir, { recursive: true })
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage })
}
