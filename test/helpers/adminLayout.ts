import type { Page } from 'playwright-core'

/**
 * What of a document's header does not fit: a status, date or control whose text is cut (an
 * ellipsis or hidden overflow), that lies outside the window, or that the menu button covers;
 * and a relationship whose arrow wrapped onto a line of its own.
 */
export async function headerProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = []
    const visible = (element: Element) =>
      element.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })
    const overlaps = (a: DOMRect, b: DOMRect) =>
      a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1
    const dots = document.querySelector('.doc-controls__dots')?.getBoundingClientRect()
    const texts = document.querySelectorAll<HTMLElement>(
      '.doc-controls__label, .doc-controls__value, .doc-controls__meta button, .doc-controls__controls button, .doc-controls__controls a',
    )
    for (const element of texts) {
      if (!visible(element)) continue
      const text = element.textContent?.trim() || element.getAttribute('aria-label') || ''
      const box = element.getBoundingClientRect()
      if (element.scrollWidth > element.clientWidth + 1) problems.push(`cut: "${text}"`)
      if (box.left < -1 || box.right > window.innerWidth + 1) problems.push(`outside: "${text}"`)
      // Hidden by an ancestor that clips (overflow hidden or a scroller).
      for (let up = element.parentElement; up && !up.matches('body'); up = up.parentElement) {
        const style = getComputedStyle(up)
        if (style.overflowX === 'visible') continue
        const clip = up.getBoundingClientRect()
        if (box.left < clip.left - 1 || box.right > clip.right + 1) {
          problems.push(`clipped: "${text}"`)
          break
        }
      }
      if (dots && !element.closest('.doc-controls__dots') && overlaps(box, dots)) {
        problems.push(`under the menu button: "${text}"`)
      }
    }
    for (const field of document.querySelectorAll('.field-type.relationship')) {
      const value = field.querySelector('.rs__value-container')?.getBoundingClientRect()
      const arrow = field.querySelector('.rs__indicators')?.getBoundingClientRect()
      if (!value || !arrow || !visible(field)) continue
      if (arrow.top >= value.bottom - 2) {
        const label = field.querySelector('label')?.textContent?.trim() ?? ''
        problems.push(`arrow on a line of its own: ${label}`)
      }
    }
    return [...new Set(problems)]
  })
}
