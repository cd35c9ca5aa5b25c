import{G as r}from"./chunks/chunk-WJOS3PZX.js";import"./chunks/chunk-IQKXHYAI.js";import"./chunks/chunk-YORJVLTO.js";import"./chunks/chunk-TMDTBFC3.js";import"./chunks/chunk-U2NORN77.js";r();
