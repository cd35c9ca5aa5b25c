import{L as r}from"./chunks/chunk-I4LLDVGE.js";import"./chunks/chunk-QTUKI2XE.js";import"./chunks/chunk-FYGFSPRH.js";import"./chunks/chunk-F3LCADNG.js";import"./chunks/chunk-5RNU7IOU.js";r();
