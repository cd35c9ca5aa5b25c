import{F as r}from"./chunks/chunk-W7UNQAY5.js";import"./chunks/chunk-63UEQVPI.js";import"./chunks/chunk-YORJVLTO.js";import"./chunks/chunk-TMDTBFC3.js";import"./chunks/chunk-U2NORN77.js";r();
