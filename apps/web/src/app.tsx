// The shell: sign-in, the menu of the screens the server offers this user, the language switch,
// live-update status, and the router that picks a view.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { api, onSessionChange, signedIn, signOut } from './api/client';
import type { Me, Screen, UnitView } from './api/types';
import { ErrorBox, Loading } from './components/common';
import type { Lang } from './format';
import { label, setLang, t } from './i18n';
import { onLiveStatus, startLive } from './live';
import { href, navigate, parseRoute, type Route } from './router';
import { AppContext, type AppState } from './session';
import { DeadLettersView, ImportsView, QueuesView, RulesView, SlaView, UnitsView, UsersView } from './views/admin';
import { DashboardView } from './views/dashboard';
import { EscalationsView } from './views/escalations';
import { IkpView } from './views/ikp';
import { InboxView } from './views/inbox';
import { LoginView } from './views/login';
import { TicketView } from './views/ticket';
import { TriageView } from './views/triage';

function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}

function View({ route, me, reloadUnits }: { route: Route; me: Me; reloadUnits(): void }) {
  const [screen, id] = route.path;
  const screens = me.capabilities?.screens ?? [];
  if (screen === 'tickets' && id) return <TicketView key={id} id={id} />;
  if (!screens.includes(screen as Screen)) return <p class="card">{t('app.notFound')}</p>;
  switch (screen as Screen) {
    case 'inbox': return <InboxView route={route} />;
    case 'triage': return <TriageView route={route} />;
    case 'dashboard': return <DashboardView route={route} />;
    case 'escalations': return <EscalationsView />;
    case 'ikp': return <IkpView route={route} />;
    case 'imports': return <ImportsView />;
    case 'users': return <UsersView />;
    case 'units': return <UnitsView reloadUnits={reloadUnits} />;
    case 'rules': return <RulesView />;
    case 'sla': return <SlaView />;
    case 'dead-letters': return <DeadLettersView />;
    case 'queues': return <QueuesView />;
  }
}

export function App({ initialLang }: { initialLang: Lang }) {
  const route = useRoute();
  const [lang, setLangState] = useState<Lang>(initialLang);
  const [isIn, setIsIn] = useState(signedIn());
  const [me, setMe] = useState<Me | null>(null);
  const [meError, setMeError] = useState<unknown>(null);
  const [units, setUnits] = useState<ReadonlyMap<string, UnitView>>(new Map());
  const [unitsTick, setUnitsTick] = useState(0);
  const [toastText, setToastText] = useState<string | null>(null);
  const [live, setLive] = useState(false);
  const [menuOpen, setMenuOpen] = useState(false);

  useEffect(() => onSessionChange(setIsIn), []);
  useEffect(() => onLiveStatus(setLive), []);
  useEffect(() => startLive(), []);
  useEffect(() => {
    if (!isIn) return setMe(null);
    api<Me>('/auth/me').then(setMe, setMeError);
  }, [isIn]);
  useEffect(() => {
    if (!isIn) return;
    api<UnitView[]>('/units').then((list) => setUnits(new Map(list.map((u) => [u.code, u]))), () => undefined);
  }, [isIn, unitsTick]);
  // Land on the user's home screen (the server's answer) when no screen is chosen.
  useEffect(() => {
    if (me && (route.path.length === 0 || route.path[0] === 'login')) navigate(me.capabilities?.home ?? 'inbox');
  }, [me, route.path.join('/')]);
  useEffect(() => {
    if (!toastText) return;
    const timer = setTimeout(() => setToastText(null), 5_000);
    return () => clearTimeout(timer);
  }, [toastText]);
  useEffect(() => setMenuOpen(false), [route.path.join('/')]);

  const state: AppState | null = useMemo(() => (me ? { me, lang, units, toast: setToastText } : null), [me, lang, units]);
  const switchLang = () => {
    const next: Lang = lang === 'id' ? 'en' : 'id';
    setLang(next);
    setLangState(next);
  };
  const screens = me?.capabilities?.screens ?? [];

  return (
    <>
      <a class="skip" href="#main" onClick={(e) => (e.preventDefault(), document.getElementById('main')?.focus())}>{t('app.skip')}</a>
      <header class="top">
        <div class="brand">LAPOR! <span>Kabupaten Bekasi</span></div>
        {me && (
          <button type="button" class="secondary menu-toggle" aria-expanded={menuOpen} aria-controls="main-nav" onClick={() => setMenuOpen(!menuOpen)}>{t('nav.menu')}</button>
        )}
        {me && (
          <nav id="main-nav" aria-label={t('nav.main')} class={menuOpen ? 'open' : ''}>
            {screens.map((s) => (
              <a key={s} href={href(s)} aria-current={route.path[0] === s ? 'page' : undefined}>{t(`nav.${s}`)}</a>
            ))}
          </nav>
        )}
        <div class="session">
          <button type="button" class="secondary" onClick={switchLang} lang={lang === 'id' ? 'en' : 'id'} aria-label={t('lang.switchLabel')}>{t('lang.switch')}</button>
          {me && <span class="who">{me.displayName} · {label('role', me.role)}</span>}
          {me && <span class={`live-dot ${live ? 'on' : ''}`} role="img" aria-label={live ? t('app.live') : t('app.offline')} title={live ? t('app.live') : t('app.offline')} />}
          {me && <button type="button" class="secondary" onClick={() => void signOut().then(() => navigate('login'))}>{t('nav.logout')}</button>}
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {!isIn ? <LoginView onSignedIn={() => setIsIn(true)} /> : meError ? <ErrorBox error={meError} /> : !state ? <Loading /> : (
          <AppContext.Provider value={state}>
            <View key={lang} route={route} me={state.me} reloadUnits={() => setUnitsTick((n) => n + 1)} />
          </AppContext.Provider>
        )}
      </main>
      <div class="toast" role="status" aria-live="polite">{toastText}</div>
    </>
  );
}
