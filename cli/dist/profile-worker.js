import{F as r}from"./chunks/chunk-MGJWRY2Z.js";import"./chunks/chunk-HPK4GZGS.js";import"./chunks/chunk-AKUAYJDA.js";import"./chunks/chunk-ISPHK3SE.js";import"./chunks/chunk-TVWFSZOT.js";r();
