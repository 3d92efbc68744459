// Temporal visibility queries take values as quoted strings: one quoting for every query Barrage
// builds, so no value (an id, a time) can end its string and add a clause.
export const visibilityString = (value: string): string => `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
