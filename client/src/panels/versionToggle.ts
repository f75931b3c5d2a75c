import type { AppContext } from '../app/context.ts';
import { h } from '../util/dom.ts';

/**
 * The button that switches a paragraph or recommendation to its other language version
 * (the versions of one meeting aligned by `ref`, docs/MODEL.md), worded by the version it
 * shows: "show the Chinese/English text". Used by the details panel and the unit lists.
 *
 * @param ctx the app context (its `t` words the button in the interface's language)
 * @param other the version the button switches to (`language` 'zh', 'en' or null)
 * @param pick called on click, with nothing: the caller redraws with `other` shown
 */
export function versionToggle(ctx: Pick<AppContext, 't'>, other: { language: string | null }, pick: () => void): HTMLElement {
  return h(
    'button',
    { type: 'button', class: 'button small version-toggle', 'data-testid': 'version-toggle', onclick: pick },
    ctx.t(other.language === 'zh' ? 'versionShowZh' : 'versionShowEn'),
  );
}
