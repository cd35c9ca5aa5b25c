import{G as r}from"./chunks/chunk-RPOBSLXY.js";import"./chunks/chunk-5NGZHBMM.js";import"./chunks/chunk-YORJVLTO.js";import"./chunks/chunk-TMDTBFC3.js";import"./chunks/chunk-U2NORN77.js";r();
