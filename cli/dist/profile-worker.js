import{L as r}from"./chunks/chunk-3YAETCKK.js";import"./chunks/chunk-4R6HBYWN.js";import"./chunks/chunk-FYGFSPRH.js";import"./chunks/chunk-DOM7BDGJ.js";import"./chunks/chunk-5RNU7IOU.js";r();
