// The two ways an officer drives the desk, counted: the keyboard alone (keys pressed, characters
// typed, no pointer at all) and the mouse (each click; a drop-down choice is two: open, pick).
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

/** Which element has the keyboard, in words, for a failure message. */
async function focusedText(page: Page): Promise<string> {
  const text: unknown = await page.evaluate(`(() => { const el = document.activeElement; return el ? el.outerHTML.slice(0, 160) : 'nothing'; })()`);
  return String(text);
}

export class KeyboardOnly {
  /** Keys pressed (Tab, Enter, Space, arrows, shortcuts), not counting the characters typed. */
  keys = 0;
  /** Characters typed into fields. */
  typed = 0;

  constructor(readonly page: Page) {}

  async press(key: string, times = 1): Promise<void> {
    for (let i = 0; i < times; i++) {
      await this.page.keyboard.press(key);
      this.keys++;
    }
  }

  async type(text: string): Promise<void> {
    await this.page.keyboard.type(text);
    this.typed += [...text].length;
  }

  async isFocused(target: Locator): Promise<boolean> {
    // The tests compile without the DOM's types: the page's document is reached through the element.
    return target.evaluate((el) => el === el.ownerDocument.activeElement);
  }

  /** Presses Tab (or Shift+Tab) until the target has the keyboard; fails after `max` presses. */
  async tabTo(target: Locator, options: { back?: boolean; max?: number } = {}): Promise<number> {
    await target.waitFor({ state: 'attached' });
    const max = options.max ?? 60;
    for (let n = 0; n <= max; n++) {
      if (await this.isFocused(target)) return n;
      await this.press(options.back ? 'Shift+Tab' : 'Tab');
    }
    throw new Error(`${max} Tabs did not reach ${target.toString()}; the keyboard is on ${await focusedText(this.page)}`);
  }

  /** Fails unless the target has the keyboard now (waits for the page to put it there). */
  async expectFocus(target: Locator, timeout = 10_000): Promise<void> {
    try {
      await expect.poll(() => this.isFocused(target).catch(() => false), { timeout }).toBe(true);
    } catch {
      throw new Error(`the keyboard should be on ${target.toString()}; it is on ${await focusedText(this.page)}`);
    }
  }

  /** Where the keyboard is, in words (for a failure message). */
  where(): Promise<string> {
    return focusedText(this.page);
  }
}

export class MouseJourney {
  clicks = 0;
  typed = 0;

  constructor(readonly page: Page) {}

  async click(target: Locator): Promise<void> {
    await target.click();
    this.clicks++;
  }

  /** A click into the field, then typing. */
  async fill(target: Locator, text: string): Promise<void> {
    await this.click(target);
    await this.page.keyboard.type(text);
    this.typed += [...text].length;
  }

  /** A drop-down: one click to open it, one to pick the option. */
  async choose(select: Locator, value: string | { label: string }): Promise<void> {
    await select.selectOption(value);
    this.clicks += 2;
  }
}
