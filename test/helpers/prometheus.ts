// /metrics read with the Prometheus project's own text-format parser (prometheus_client's, in
// the Python venv `npm run setup` makes under .tools/py-tools), not with a regular expression.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../src/config';

export interface PromSample {
  /** The sample's own name: a histogram's are <family>_bucket, _count, _sum. */
  name: string;
  family: string;
  type: string;
  labels: Record<string, string>;
  value: number;
}

const PARSE = `
import json, math, sys
from prometheus_client.parser import text_string_to_metric_families
out = []
for family in text_string_to_metric_families(sys.stdin.read()):
    for s in family.samples:
        value = s.value if math.isfinite(s.value) else str(s.value)  # JSON has no NaN or Inf
        out.append({"name": s.name, "family": family.name, "type": family.type, "labels": s.labels, "value": value})
json.dump(out, sys.stdout, allow_nan=False)
`;

export function parsePrometheus(text: string): PromSample[] {
  const python = join(PROJECT_ROOT, '.tools', 'py-tools', 'bin', 'python');
  const samples = JSON.parse(execFileSync(python, ['-c', PARSE], { input: text, encoding: 'utf8' })) as (Omit<
    PromSample,
    'value'
  > & {
    value: number | string;
  })[];
  return samples.map((s) => ({ ...s, value: typeof s.value === 'number' ? s.value : nonFinite(s.value) }));
}

/** Python writes them as "nan", "inf", "-inf". */
function nonFinite(text: string): number {
  if (text === 'nan') return NaN;
  return text.startsWith('-') ? -Infinity : Infinity;
}

/** The one sample with this name whose labels include these; undefined when there is none. */
export function sampleValue(samples: PromSample[], name: string, labels: Record<string, string> = {}): number | undefined {
  return samples.find((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v))?.value;
}
