import type { ReportUploadResponse } from '../../../server/contract/api.ts';
import { ApiError } from '../../../server/contract/errors.ts';
import type { AppContext } from '../app/context.ts';
import { forgetToken, storedToken, storeToken } from '../corpus/adminToken.ts';
import { inFilter, isFiltered } from '../corpus/corpus.ts';
import { tagChip } from '../corpus/tagChip.ts';
import { labelName } from '../i18n/i18n.ts';
import { h, replace } from '../util/dom.ts';
import { errorMessage } from '../util/errors.ts';

/** Where an upload stands: the file on its way (share sent), then read and loaded by the server, then done or failed. */
type UploadState =
  | { phase: 'token'; file: File; error: string | null }
  | { phase: 'sending'; file: File; sent: number }
  | { phase: 'loading'; file: File }
  | { phase: 'done'; file: File; summary: ReportUploadResponse }
  | { phase: 'failed'; file: File; error: string };

/**
 * The corpus panel (data-testid="corpus"): the reports loaded (meeting, region, Congress,
 * language, date, counts), the filter by report, region and Congress that every view
 * honours (kept in the URL), and adding (drop or pick a PDF, Word or text file) and removing
 * reports, with the admin token asked once per session.
 */
export class CorpusPanel {
  readonly element: HTMLElement;
  private upload: UploadState | null = null;
  private confirming: string | null = null;
  private removeError: string | null = null;
  private busy = false;

  constructor(private readonly ctx: AppContext) {
    this.element = h('section', { class: 'corpus panel-section', 'data-testid': 'corpus', 'aria-labelledby': 'corpus-title' });
    this.render();
  }

  render(): void {
    const ctx = this.ctx;
    const lang = ctx.lang();
    const corpus = ctx.corpus();
    const state = ctx.store.get();
    const filter = { reports: state.reports, regions: state.regions, congresses: state.congresses };
    const toggle = <T>(list: readonly T[], value: T): T[] => (list.includes(value) ? list.filter((v) => v !== value) : [...list, value]);
    const pressed = (on: boolean) => ({ 'aria-pressed': String(on), class: `filter-chip${on ? ' on' : ''}` });

    const regions = corpus.data.regions.map((r) =>
      h(
        'button',
        {
          type: 'button',
          ...pressed(state.regions.includes(r.code)),
          'data-region': r.code,
          title: (lang === 'en' ? r.name_en : r.name_zh) ?? r.code,
          onclick: () => ctx.store.set({ regions: toggle(state.regions, r.code).sort() }),
        },
        r.code,
      ),
    );
    const congresses = corpus.data.congresses.map((c) =>
      h(
        'button',
        {
          type: 'button',
          ...pressed(state.congresses.includes(c.number)),
          'data-congress': String(c.number),
          onclick: () => ctx.store.set({ congresses: toggle(state.congresses, c.number).sort((a, b) => a - b) }),
        },
        ctx.t('corpusCongress', { n: c.number }),
      ),
    );
    const inScope = corpus.reports.filter((r) => inFilter(r, filter)).length;

    const list = h(
      'ul',
      { class: 'corpus-list', 'aria-label': ctx.t('corpusReports') },
      corpus.reports.map((r) => {
        const scoped = inFilter(r, filter);
        const meetingName = (lang === 'en' ? r.meeting.name_en : r.meeting.name_zh) ?? r.meeting.name_en ?? r.id;
        const region = (lang === 'en' ? r.region : r.region_zh) ?? r.region ?? '';
        const tokenField = storedToken()
          ? null
          : h('input', {
              type: 'password',
              class: 'text-input',
              autocomplete: 'off',
              'aria-label': ctx.t('corpusToken'),
              placeholder: ctx.t('corpusToken'),
              'data-testid': 'remove-token',
            });
        const confirm =
          this.confirming === r.id
            ? h(
                'div',
                { class: 'confirm', role: 'alertdialog', 'aria-label': ctx.t('corpusRemoveTitle') },
                h('p', {}, ctx.t('corpusRemoveConfirm', { tag: corpus.tag(r.id), language: r.language ?? '' })),
                tokenField,
                h(
                  'button',
                  {
                    type: 'button',
                    class: 'button small danger',
                    'data-testid': 'corpus-remove-confirm',
                    disabled: this.busy,
                    onclick: () => {
                      const given = tokenField?.value.trim();
                      if (given) storeToken(given);
                      void this.remove(r.id);
                    },
                  },
                  ctx.t('corpusRemove'),
                ),
                h(
                  'button',
                  {
                    type: 'button',
                    class: 'button small',
                    onclick: () => {
                      this.confirming = null;
                      this.removeError = null;
                      this.render();
                    },
                  },
                  ctx.t('cancel'),
                ),
                this.removeError ? h('p', { class: 'error', role: 'alert' }, this.removeError) : null,
              )
            : null;
        return h(
          'li',
          { class: `corpus-report${scoped ? '' : ' out'}`, 'data-report': r.id },
          h(
            'label',
            { class: 'corpus-pick' },
            h('input', {
              type: 'checkbox',
              checked: state.reports.includes(r.id),
              'aria-label': ctx.t('corpusOnly', { tag: corpus.tag(r.id), language: r.language ?? '' }),
              onchange: () => ctx.store.set({ reports: toggle(state.reports, r.id).sort() }),
            }),
            tagChip(corpus, r.id, lang),
            h('span', { class: 'corpus-lang' }, r.language === 'zh' ? '中文' : r.language === 'en' ? 'English' : (r.language ?? '')),
          ),
          h(
            'button',
            {
              type: 'button',
              class: 'icon-button corpus-remove',
              'aria-label': ctx.t('corpusRemoveLabel', { tag: corpus.tag(r.id), language: r.language ?? '' }),
              title: ctx.t('corpusRemoveLabel', { tag: corpus.tag(r.id), language: r.language ?? '' }),
              onclick: () => {
                this.confirming = r.id;
                this.removeError = null;
                this.render();
              },
            },
            '×',
          ),
          h('p', { class: 'corpus-meeting' }, meetingName),
          h(
            'p',
            { class: 'corpus-meta' },
            [region, r.startDate ? `${r.startDate}${r.endDate && r.endDate !== r.startDate ? ` – ${r.endDate}` : ''}` : null, r.venue]
              .filter(Boolean)
              .join(' · '),
          ),
          h(
            'p',
            { class: 'corpus-counts' },
            ctx.t('corpusCounts', {
              paragraphs: r.counts.paragraphs,
              recommendations: r.counts.recommendations,
              citations: r.counts.citations,
              entities: r.counts.entities,
            }),
          ),
          confirm,
        );
      }),
    );

    replace(
      this.element,
      h(
        'div',
        { class: 'section-head' },
        h('h2', { id: 'corpus-title' }, ctx.t('corpusTitle')),
        isFiltered(filter)
          ? h(
              'button',
              {
                type: 'button',
                class: 'link-button',
                'data-testid': 'corpus-clear',
                onclick: () => ctx.store.set({ reports: [], regions: [], congresses: [] }),
              },
              ctx.t('corpusAll'),
            )
          : null,
      ),
      h(
        'p',
        { class: 'hint', role: 'status', 'data-testid': 'corpus-scope' },
        isFiltered(filter) ? ctx.t('corpusInScope', { n: inScope, total: corpus.reports.length }) : ctx.t('corpusAllReports', { total: corpus.reports.length }),
      ),
      regions.length > 0
        ? h(
            'div',
            { class: 'filter-row', role: 'group', 'aria-label': ctx.t('corpusRegions') },
            h('span', { class: 'field-label' }, ctx.t('corpusRegions')),
            regions,
          )
        : null,
      congresses.length > 0
        ? h(
            'div',
            { class: 'filter-row', role: 'group', 'aria-label': ctx.t('corpusCongresses') },
            h('span', { class: 'field-label' }, ctx.t('corpusCongresses')),
            congresses,
          )
        : null,
      list,
      this.renderUpload(),
    );
  }

  // ── Adding a report ──
  private renderUpload(): HTMLElement {
    const ctx = this.ctx;
    const input = h('input', {
      type: 'file',
      accept: '.pdf,.docx,.txt,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,text/plain',
      class: 'sr-only',
      id: 'corpus-file',
      'data-testid': 'corpus-file',
      onchange: (e: Event) => {
        const file = (e.target as HTMLInputElement).files?.[0];
        if (file) this.start(file);
      },
    });
    const zone = h(
      'div',
      { class: 'drop-zone', 'data-testid': 'corpus-drop' },
      input,
      h('p', {}, ctx.t('corpusDrop')),
      h('label', { for: 'corpus-file', class: 'button small' }, ctx.t('corpusPick')),
    );
    zone.addEventListener('dragover', (e) => {
      e.preventDefault();
      zone.classList.add('over');
    });
    zone.addEventListener('dragleave', () => zone.classList.remove('over'));
    zone.addEventListener('drop', (e) => {
      e.preventDefault();
      zone.classList.remove('over');
      const file = e.dataTransfer?.files?.[0];
      if (file) this.start(file);
    });
    return h('div', { class: 'corpus-add' }, h('h3', { class: 'legend-sub' }, ctx.t('corpusAdd')), zone, this.renderUploadState());
  }

  private renderUploadState(): HTMLElement | null {
    const ctx = this.ctx;
    const u = this.upload;
    if (!u) return null;
    const name = h('p', { class: 'upload-file' }, u.file.name);
    switch (u.phase) {
      case 'token': {
        const field = h('input', { type: 'password', id: 'admin-token', class: 'text-input', autocomplete: 'off', 'data-testid': 'admin-token' });
        const form = h(
          'form',
          {
            class: 'token-form',
            onsubmit: (e: Event) => {
              e.preventDefault();
              const token = field.value.trim();
              if (!token) return;
              storeToken(token);
              void this.send(u.file, token);
            },
          },
          h('label', { for: 'admin-token', class: 'field-label' }, ctx.t('corpusToken')),
          field,
          h('button', { type: 'submit', class: 'button small primary', 'data-testid': 'admin-token-submit' }, ctx.t('corpusTokenUse')),
          h('p', { class: 'hint' }, ctx.t('corpusTokenHint')),
          u.error ? h('p', { class: 'error', role: 'alert' }, u.error) : null,
        );
        queueMicrotask(() => field.focus());
        return h('div', { class: 'upload-state', 'data-testid': 'upload-state', 'data-phase': u.phase }, name, form);
      }
      case 'sending':
        return h(
          'div',
          { class: 'upload-state', 'data-testid': 'upload-state', 'data-phase': u.phase },
          name,
          h('progress', { max: 1, value: u.sent, 'aria-label': ctx.t('corpusSending') }),
          h('p', { class: 'hint', role: 'status' }, ctx.t('corpusSending')),
        );
      case 'loading':
        return h(
          'div',
          { class: 'upload-state', 'data-testid': 'upload-state', 'data-phase': u.phase },
          name,
          h('progress', { 'aria-label': ctx.t('corpusLoading') }),
          h('p', { class: 'hint', role: 'status' }, ctx.t('corpusLoading')),
        );
      case 'failed':
        return h(
          'div',
          { class: 'upload-state', 'data-testid': 'upload-state', 'data-phase': u.phase },
          name,
          h('p', { class: 'error', role: 'alert' }, u.error),
          this.closeUploadButton(),
        );
      case 'done': {
        const s = u.summary;
        const lang = ctx.lang();
        const review = s.newEntities.filter((e) => e.unconfirmed);
        return h(
          'div',
          { class: 'upload-state', 'data-testid': 'upload-state', 'data-phase': u.phase, 'data-report': s.report },
          name,
          h(
            'p',
            { role: 'status' },
            tagChip(ctx.corpus(), s.report, lang),
            ' ',
            ctx.t(s.replaced ? 'corpusReplaced' : 'corpusAdded', { nodes: s.nodes, relationships: s.relationships }),
          ),
          h(
            'details',
            { class: 'upload-list', open: s.newEntities.length > 0 && s.newEntities.length <= 12 },
            h('summary', {}, ctx.t('corpusNewEntities', { n: s.newEntities.length, review: review.length })),
            h(
              'ul',
              {},
              s.newEntities.map((e) =>
                h(
                  'li',
                  { class: e.unconfirmed ? 'unconfirmed' : '' },
                  h(
                    'button',
                    { type: 'button', class: 'link-button', onclick: () => ctx.openDetails(e.id) },
                    (lang === 'en' ? e.name_en : e.name_zh) ?? e.name,
                  ),
                  ` · ${labelName(lang, e.label)}`,
                  e.unconfirmed ? h('span', { class: 'review' }, ctx.t('corpusToReview')) : null,
                ),
              ),
            ),
          ),
          h(
            'details',
            { class: 'upload-list' },
            h('summary', {}, ctx.t('corpusWarnings', { n: s.warnings.length })),
            h(
              'ul',
              {},
              s.warnings.map((w) => h('li', {}, w)),
            ),
          ),
          this.closeUploadButton(),
        );
      }
    }
  }

  /** The button that puts away the upload's outcome (failed or done) and redraws the panel. */
  private closeUploadButton(): HTMLElement {
    const close = (): void => {
      this.upload = null;
      this.render();
    };
    return h('button', { type: 'button', class: 'button small', onclick: close }, this.ctx.t('close'));
  }

  private start(file: File): void {
    const token = storedToken();
    if (!token) {
      this.upload = { phase: 'token', file, error: null };
      this.render();
      return;
    }
    void this.send(file, token);
  }

  private async send(file: File, token: string): Promise<void> {
    this.upload = { phase: 'sending', file, sent: 0 };
    this.render();
    try {
      const summary = await this.ctx.api.uploadReport(file, file.name, token, (sent) => {
        if (this.upload?.file !== file) return;
        this.upload = sent < 1 ? { phase: 'sending', file, sent } : { phase: 'loading', file };
        this.render();
      });
      await this.ctx.corpusChanged();
      this.upload = { phase: 'done', file, summary };
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) {
        forgetToken();
        this.upload = { phase: 'token', file, error: this.ctx.t('corpusTokenRefused') };
      } else {
        this.upload = { phase: 'failed', file, error: errorMessage(error, this.ctx.lang()) };
      }
    }
    this.render();
  }

  // ── Removing a report ──
  private async remove(id: string): Promise<void> {
    const token = storedToken();
    if (!token) {
      this.removeError = this.ctx.t('corpusTokenNeeded');
      this.render();
      return;
    }
    this.busy = true;
    this.render();
    try {
      await this.ctx.api.removeReport(id, token);
      this.confirming = null;
      this.removeError = null;
      const state = this.ctx.store.get();
      if (state.reports.includes(id)) this.ctx.store.set({ reports: state.reports.filter((r) => r !== id) });
      await this.ctx.corpusChanged();
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) forgetToken();
      this.removeError = error instanceof ApiError && error.status === 401 ? this.ctx.t('corpusTokenRefused') : errorMessage(error, this.ctx.lang());
    } finally {
      this.busy = false;
      this.render();
    }
  }
}
