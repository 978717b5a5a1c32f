import { render } from 'preact';
import { App } from './app';
import './styles.css';

const root = document.getElementById('app');
if (root === null) throw new Error('the dashboard page has no #app element');
root.textContent = '';
render(<App />, root);
