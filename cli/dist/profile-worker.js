import{H as r}from"./chunks/chunk-CPN35RB6.js";import"./chunks/chunk-KBZ7J433.js";import"./chunks/chunk-3AXMYAHL.js";import"./chunks/chunk-6FAPRCES.js";import"./chunks/chunk-MXRAZAPR.js";r();
