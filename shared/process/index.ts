export { splitShellWords } from './shell-words.js';
export { userCommandEnvironment } from './user-command-environment.js';
