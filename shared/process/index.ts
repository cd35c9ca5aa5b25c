export { splitShellWords } from './shell-words.js';
