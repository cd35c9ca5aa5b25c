import{L as r}from"./chunks/chunk-T3TULQGC.js";import"./chunks/chunk-MIAX67AW.js";import"./chunks/chunk-FYGFSPRH.js";import"./chunks/chunk-R5WYVYYY.js";import"./chunks/chunk-5RNU7IOU.js";r();
