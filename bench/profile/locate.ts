// Where a profiled frame comes from: which group it belongs to (Barrage, @temporalio, a library,
// node) and, for Barrage's own frames, the .ts file:line it was compiled from. Source maps are read
// with node:module's SourceMap, so no library is needed; tsc writes a .js.map beside every dist file,
// and the workflow bundle carries its map inline.
import { readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PROJECT_ROOT } from '../../src/config';
import { WORKFLOW_BUNDLE_PATH } from '../../src/temporal/bundle';

export type Group = 'own' | 'temporal' | 'library' | 'node' | 'gc' | 'program' | 'idle';

export interface CallFrame {
  functionName: string;
  url: string;
  /** 0-based, as V8 writes them. */
  lineNumber: number;
  columnNumber: number;
}

export interface Locator {
  group(frame: CallFrame): Group;
  /** "function file:line" of an own frame, mapped to the .ts source when a map says where. */
  describe(frame: CallFrame): string;
}

const OWN_DIRS = /^(src|workflows|activities)\//;
const DIST = join(PROJECT_ROOT, 'dist');

/** V8's pseudo-frames have no URL; everything else without a path is a node builtin or native code. */
function pseudoGroup(name: string): Group {
  if (name === '(garbage collector)') return 'gc';
  if (name === '(idle)') return 'idle';
  if (name === '(program)') return 'program';
  return 'node';
}

/**
 * The workflow bundle is one file, so its frames are told apart by the webpack module they sit in:
 * each module starts with a line `/***\/ "./path"`. Sorted by line, found by binary search.
 */
function bundleModules(text: string): { starts: number[]; paths: string[] } {
  const starts: number[] = [];
  const paths: string[] = [];
  text.split('\n').forEach((line, i) => {
    const m = /^\/\*{3}\/ "(\.\/[^"]+)"/.exec(line);
    if (!m) return;
    starts.push(i);
    paths.push(m[1].slice(2));
  });
  return { starts, paths };
}

function moduleAt(mods: { starts: number[]; paths: string[] }, line: number): string {
  let lo = 0;
  let hi = mods.starts.length - 1;
  let found = '(bundle runtime)';
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (mods.starts[mid] > line) {
      hi = mid - 1;
      continue;
    }
    found = mods.paths[mid];
    lo = mid + 1;
  }
  return found;
}

function inlineMap(text: string): SourceMap | undefined {
  const m = /sourceMappingURL=data:application\/json;charset=utf-8;base64,(\S+)/.exec(text);
  return m ? new SourceMap(JSON.parse(Buffer.from(m[1], 'base64').toString())) : undefined;
}

/** A .js file's map, read once: a profile names the same few hundred files thousands of times. */
function fileMaps(): (file: string) => SourceMap | undefined {
  const maps = new Map<string, SourceMap | undefined>();
  return (file) => {
    if (!maps.has(file)) {
      try {
        maps.set(file, new SourceMap(JSON.parse(readFileSync(`${file}.map`, 'utf8'))));
      } catch {
        maps.set(file, undefined); // no map: the dist .js line is shown instead
      }
    }
    return maps.get(file);
  };
}

/** The bundle is read only if a profile has frames in it (the receiver's has none). */
function lazyBundle(bundlePath: string) {
  let bundle: { mods: ReturnType<typeof bundleModules>; map?: SourceMap } | undefined;
  return () => {
    if (bundle) return bundle;
    const text = readFileSync(bundlePath, 'utf8');
    return (bundle = { mods: bundleModules(text), map: inlineMap(text) });
  };
}

export function createLocator(bundlePath = WORKFLOW_BUNDLE_PATH): Locator {
  const fileMap = fileMaps();
  const loadBundle = lazyBundle(bundlePath);
  const path = (url: string) => (url.startsWith('file://') ? fileURLToPath(url) : url);
  const isBundle = (url: string) => url !== '' && path(url) === bundlePath;

  function group(frame: CallFrame): Group {
    const { url } = frame;
    if (!url) return pseudoGroup(frame.functionName);
    if (isBundle(url)) return OWN_DIRS.test(moduleAt(loadBundle().mods, frame.lineNumber)) ? 'own' : 'temporal';
    // The workflow sandbox runs the SDK's own glue as vm-evaluated code.
    if (url.startsWith('evalmachine') || url.includes('/node_modules/@temporalio/')) return 'temporal';
    if (url.includes('/node_modules/')) return 'library';
    if (url.startsWith('node:') || !url.includes('/')) return 'node'; // builtins, wasm
    return OWN_DIRS.test(relative(DIST, path(url))) ? 'own' : 'library';
  }

  function describe(frame: CallFrame): string {
    const name = frame.functionName || '(anonymous)';
    const file = path(frame.url);
    const map = isBundle(frame.url) ? loadBundle().map : fileMap(file);
    const entry = map?.findEntry(frame.lineNumber, Math.max(0, frame.columnNumber));
    // findEntry falls back to the nearest mapping on an earlier line, which in the bundle is the
    // previous module's code: only a mapping on the frame's own line says where it came from.
    if (entry && 'originalSource' in entry && entry.originalSource && entry.generatedLine === frame.lineNumber) {
      const source = relative(PROJECT_ROOT, resolve(dirname(file), path(entry.originalSource)));
      return `${name} ${source}:${entry.originalLine + 1}`;
    }
    const where = isBundle(frame.url) ? `bundle:${moduleAt(loadBundle().mods, frame.lineNumber)}` : relative(PROJECT_ROOT, file);
    return `${name} ${where}:${frame.lineNumber + 1}`;
  }
  return { group, describe };
}
