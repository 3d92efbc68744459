import { basename, dirname, resolve } from 'node:path';

// src/base → the root; dist/src/base → the root as well.
const twoUp = resolve(__dirname, '..', '..');
export const PROJECT_ROOT = basename(twoUp) === 'dist' ? dirname(twoUp) : twoUp;
