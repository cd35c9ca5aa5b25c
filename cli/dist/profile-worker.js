import{H as r}from"./chunks/chunk-YMBUMWY4.js";import"./chunks/chunk-BFXFXITE.js";import"./chunks/chunk-3AXMYAHL.js";import"./chunks/chunk-6FAPRCES.js";import"./chunks/chunk-MXRAZAPR.js";r();
