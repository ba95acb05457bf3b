// What a leaked stack trace or internal error looks like in a reply a user would see.
const LEAKS = [
  /\n\s+at [^\n]+[:(]\d+:\d+/, // a V8 stack frame
  /\bat (?:async )?[\w.<>]+ \(/, // a frame without a newline before it
  /node_modules/,
  /\/work\/|\/src\/|\/adapters\//,
  /\.[cm]?[jt]s:\d+/,
  /\b(?:TypeError|ReferenceError|RangeError|SyntaxError|SqliteError)\b/,
  /Cannot read propert/,
  /is not a function/,
  /undefined is not/,
];

/**
 * The patterns `text` matches that only an internal error would produce. A pattern the
 * user's own input already matches is not a leak: replies may quote what was typed.
 */
export const leaksIn = (text: string, input = ''): string[] =>
  LEAKS.filter((re) => re.test(text) && !re.test(input)).map((re) => re.source);
