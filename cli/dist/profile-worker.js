import{G as r}from"./chunks/chunk-LVTCZVY5.js";import"./chunks/chunk-CQN4IFDZ.js";import"./chunks/chunk-YORJVLTO.js";import"./chunks/chunk-TMDTBFC3.js";import"./chunks/chunk-U2NORN77.js";r();
