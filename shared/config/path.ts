/** Where the configuration lives in a repository (a module of its own: commands that only name the file need not load its schema). */
export const CONFIG_PATH = '.github/tollgate.yml';
