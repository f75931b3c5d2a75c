import { h } from '../util/dom.ts';

export interface MenuEntry {
  /** Shown text (already in the interface's language). */
  label: string;
  testId?: string;
  /** A link (a download from the server) or an action. */
  href?: string;
  download?: string;
  onSelect?: () => void;
  /** A checkable entry (menuitemcheckbox). */
  checked?: boolean;
}

export interface MenuGroup {
  /** A heading for the entries (a non-interactive group label). */
  label?: string;
  entries: MenuEntry[];
}

/**
 * A menu button as the WAI-ARIA Authoring Practices describe it ("Menu Button
 * Pattern", https://www.w3.org/WAI/ARIA/apg/patterns/menu-button/): a button with
 * aria-haspopup="menu" and aria-expanded that opens a role="menu" of menuitems;
 * Enter, Space or ↓ open it on the first item, ↑ on the last; ↑/↓/Home/End
 * move, Escape closes and returns to the button, Tab closes; a click outside
 * closes it.
 */
export class MenuButton {
  readonly element: HTMLElement;
  readonly button: HTMLButtonElement;
  private readonly menu: HTMLElement;
  private static count = 0;
  private readonly id = `menu-${++MenuButton.count}`;

  constructor(testId: string) {
    this.button = h('button', {
      type: 'button',
      class: 'button menu-button',
      id: `${this.id}-button`,
      'aria-haspopup': 'menu',
      'aria-expanded': 'false',
      'aria-controls': `${this.id}-list`,
      'data-testid': testId,
    });
    this.menu = h('div', { class: 'menu', role: 'menu', id: `${this.id}-list`, 'aria-labelledby': `${this.id}-button`, hidden: true });
    this.element = h('div', { class: 'menu-wrap' }, this.button, this.menu);
    this.button.addEventListener('click', () => (this.isOpen() ? this.close() : this.open(0)));
    this.button.addEventListener('keydown', (e) => {
      if (e.key === 'ArrowDown' || e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        this.open(0);
      } else if (e.key === 'ArrowUp') {
        e.preventDefault();
        this.open(-1);
      }
    });
    this.menu.addEventListener('keydown', (e) => this.onMenuKey(e));
    document.addEventListener('pointerdown', (e) => {
      if (this.isOpen() && !this.element.contains(e.target as Node)) this.close(false);
    });
  }

  /** The button's text and accessible name, and the menu's entries. */
  render(label: string, groups: MenuGroup[]): void {
    this.button.textContent = `${label} ▾`;
    this.menu.replaceChildren(
      ...groups.flatMap((group, g) => {
        const nodes: HTMLElement[] = [];
        if (g > 0) nodes.push(h('div', { role: 'separator', class: 'menu-separator' }));
        if (group.label) nodes.push(h('div', { class: 'menu-hint', role: 'presentation' }, group.label));
        for (const entry of group.entries) nodes.push(this.item(entry));
        return nodes;
      }),
    );
  }

  private item(entry: MenuEntry): HTMLElement {
    const role = entry.checked === undefined ? 'menuitem' : 'menuitemcheckbox';
    const attrs = {
      role,
      tabindex: '-1',
      class: 'menu-item',
      'data-testid': entry.testId ?? null,
      'aria-checked': entry.checked === undefined ? null : String(entry.checked),
    };
    const select = (e: Event) => {
      if (entry.checked !== undefined) {
        // A checkbox item stays open: the reader picks an export next.
        e.preventDefault();
        entry.onSelect?.();
        return;
      }
      entry.onSelect?.();
      this.close();
    };
    const text = entry.checked === undefined ? entry.label : `${entry.checked ? '☑' : '☐'} ${entry.label}`;
    if (entry.href) {
      const link = h('a', { ...attrs, href: entry.href, download: entry.download ?? '' }, text);
      link.addEventListener('click', () => this.close());
      return link;
    }
    const button = h('button', { ...attrs, type: 'button' }, text);
    button.addEventListener('click', select);
    return button;
  }

  isOpen(): boolean {
    return !this.menu.hidden;
  }

  private items(): HTMLElement[] {
    return [...this.menu.querySelectorAll<HTMLElement>('[role^="menuitem"]')];
  }

  open(index: number): void {
    this.menu.hidden = false;
    this.button.setAttribute('aria-expanded', 'true');
    const items = this.items();
    items.at(index)?.focus();
  }

  close(focusButton = true): void {
    this.menu.hidden = true;
    this.button.setAttribute('aria-expanded', 'false');
    if (focusButton) this.button.focus();
  }

  private onMenuKey(e: KeyboardEvent): void {
    const items = this.items();
    const at = items.indexOf(document.activeElement as HTMLElement);
    const move = (i: number) => {
      e.preventDefault();
      items[(i + items.length) % items.length]?.focus();
    };
    if (e.key === 'ArrowDown') move(at + 1);
    else if (e.key === 'ArrowUp') move(at - 1);
    else if (e.key === 'Home') move(0);
    else if (e.key === 'End') move(items.length - 1);
    else if (e.key === 'Escape') {
      e.preventDefault();
      this.close();
    } else if (e.key === 'Tab') this.close(false);
    else if (e.key === ' ' && document.activeElement instanceof HTMLElement) {
      e.preventDefault();
      document.activeElement.click();
    }
  }
}
