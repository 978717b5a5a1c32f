import { render } from 'preact';
import { App } from './app';
import { resumeSignIn } from './sign-in/session';
import './styles.css';

const root = document.getElementById('app');
if (root === null) throw new Error('the dashboard page has no #app element');
// The provider's answer (code and state) leaves the address bar before anything renders.
resumeSignIn();
root.textContent = '';
render(<App />, root);
