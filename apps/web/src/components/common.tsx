import type { ComponentChildren } from 'preact';
import { t } from '../i18n';
import { errorText } from '../session';
import { urgencyOf, countdown, type Lang } from '../format';

export function Loading() {
  return <p class="muted" role="status">{t('app.loading')}</p>;
}

export function ErrorBox({ error, retry }: { error: unknown; retry?: () => void }) {
  return (
    <div class="card error" role="alert">
      <p>{errorText(error)}</p>
      {retry && <button type="button" class="secondary" onClick={retry}>{t('app.refresh')}</button>}
    </div>
  );
}

/** Shows `children` once `data` is there; the loading and error states otherwise. */
export function Await<T>({ loaded, children }: { loaded: { data: T | null; error: unknown; reload(): void }; children: (data: T) => ComponentChildren }) {
  if (loaded.error) return <ErrorBox error={loaded.error} retry={loaded.reload} />;
  if (loaded.data === null) return <Loading />;
  return <>{children(loaded.data)}</>;
}

export function Countdown({ dueAt, now, lang }: { dueAt: string; now: Date; lang: Lang }) {
  const urgency = urgencyOf(dueAt, now);
  return (
    <span class={`badge urgency-${urgency}`} title={t(`urgency.${urgency}`)}>
      <span class="visually-hidden">{t(`urgency.${urgency}`)}: </span>
      {t('inbox.due', { when: countdown(dueAt, now, lang) })}
    </span>
  );
}

export function Pager({ page, pageSize, total, go }: { page: number; pageSize: number; total: number; go(page: number): void }) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return (
    <nav class="pager" aria-label={t('pager.page', { page, pages, total })}>
      <button type="button" class="secondary" disabled={page <= 1} onClick={() => go(page - 1)}>{t('pager.prev')}</button>
      <span class="muted">{t('pager.page', { page, pages, total })}</span>
      <button type="button" class="secondary" disabled={page >= pages} onClick={() => go(page + 1)}>{t('pager.next')}</button>
    </nav>
  );
}

/** A table that may scroll sideways on a phone: focusable and named, so the keyboard can scroll it too. */
export function TableWrap({ label, children }: { label: string; children: ComponentChildren }) {
  return <div class="table-wrap" role="region" aria-label={label} tabIndex={0}>{children}</div>;
}
