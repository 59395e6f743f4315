import { render } from 'preact';
import { App } from './app';
import { initI18n } from './i18n';
import './style.css';

const lang = initI18n();
render(<App initialLang={lang} />, document.getElementById('app')!);
