import{G as r}from"./chunks/chunk-WK2FCXQ5.js";import"./chunks/chunk-J4LHC6NZ.js";import"./chunks/chunk-AKUAYJDA.js";import"./chunks/chunk-QJUQUJAH.js";import"./chunks/chunk-TVWFSZOT.js";r();
