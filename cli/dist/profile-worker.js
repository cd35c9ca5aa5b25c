import{F as r}from"./chunks/chunk-PPAWQGUZ.js";import"./chunks/chunk-NWHTDTIA.js";import"./chunks/chunk-YORJVLTO.js";import"./chunks/chunk-TMDTBFC3.js";import"./chunks/chunk-U2NORN77.js";r();
