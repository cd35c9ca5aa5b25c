import{F as r}from"./chunks/chunk-Q2BYUJJB.js";import"./chunks/chunk-63UEQVPI.js";import"./chunks/chunk-YORJVLTO.js";import"./chunks/chunk-TMDTBFC3.js";import"./chunks/chunk-U2NORN77.js";r();
