/**
 * Finds user-facing sentences written inline in src/ instead of the message catalogue
 * (src/spec/messages/, its README gives the rules). `npx tsx scripts/inline-messages.ts [root]`
 * prints each one as file:line and the count per folder; src/spec/messages/inline.test.ts fails
 * on any of them outside its allow-list.
 *
 * A sentence is a string or template literal whose own text holds two words in a row (letters,
 * a space, letters). It is a message when it is written:
 * - as an argument of `new …Error(…)` (Error, ScenarioError, InvalidArgumentError, …) or of
 *   `console.*` / `process.stderr.write`;
 * - as the value of a `message:` or `error:` property (scenario issues, zod's `{ error }`, reply
 *   bodies), or returned by an `error:` arrow; as the value assigned to `message` or `reason`;
 * - as an argument of a local `fail(…)`, `empty(…)` or `done(…)` (the helpers that build a result with its message);
 * - as the message argument of zod's `.regex`, `.refine` and bound checks;
 * - anywhere, when it starts with "expected" (the catalogue's own opening word).
 * Test files, the catalogue itself and `// …` comments are not read.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

/** One inline message: where it is and its text (placeholders written as ${…}). */
export interface InlineMessage {
  file: string;
  line: number;
  col: number;
  text: string;
}

const SENTENCE = /[A-Za-z]+[ ,]+[A-Za-z]{2,}/;
const MESSAGE_HELPERS = new Set(['fail', 'empty', 'done']);
const MESSAGE_VARIABLES = new Set(['message', 'reason']);
const ZOD_MESSAGE_METHODS = new Set([
  'regex',
  'refine',
  'superRefine',
  'min',
  'max',
  'gt',
  'gte',
  'lt',
  'lte',
  'length',
  'int',
  'positive',
  'nonnegative',
  'startsWith',
  'endsWith',
  'includes',
]);

function textOf(node: ts.Node): string | undefined {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node))
    return node.head.text + node.templateSpans.map((s) => `\${…}${s.literal.text}`).join('');
  return undefined;
}

/** The literals a message argument is made of: the literal itself, or both arms of a `?:`. */
function literalsIn(node: ts.Node): ts.Node[] {
  if (ts.isParenthesizedExpression(node)) return literalsIn(node.expression);
  if (ts.isConditionalExpression(node)) return [...literalsIn(node.whenTrue), ...literalsIn(node.whenFalse)];
  if (
    ts.isBinaryExpression(node) &&
    (node.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken ||
      node.operatorToken.kind === ts.SyntaxKind.BarBarToken)
  )
    return literalsIn(node.right);
  return textOf(node) === undefined ? [] : [node];
}

const calleeName = (e: ts.Expression): string =>
  ts.isIdentifier(e) ? e.text : ts.isPropertyAccessExpression(e) ? e.name.text : '';
const calleeText = (e: ts.Expression, sf: ts.SourceFile): string => e.getText(sf);

/** Nodes whose literal arguments or values are messages. */
function messageSlots(node: ts.Node, sf: ts.SourceFile): ts.Node[] {
  if (ts.isNewExpression(node) && /Error$/.test(calleeName(node.expression))) return [...(node.arguments ?? [])];
  if (ts.isCallExpression(node)) {
    const callee = calleeText(node.expression, sf);
    if (/^console\.(log|error|warn|info)$/.test(callee) || callee === 'process.stderr.write')
      return [...node.arguments];
    if (ts.isPropertyAccessExpression(node.expression) && ZOD_MESSAGE_METHODS.has(node.expression.name.text))
      return node.arguments.slice(1);
    if (ts.isIdentifier(node.expression) && MESSAGE_HELPERS.has(node.expression.text)) return [...node.arguments];
  }
  if (
    ts.isBinaryExpression(node) &&
    node.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
    MESSAGE_VARIABLES.has(calleeName(node.left))
  )
    return [node.right];
  if (
    ts.isPropertyAssignment(node) &&
    ts.isIdentifier(node.name) &&
    (node.name.text === 'message' || node.name.text === 'error')
  ) {
    const v = node.initializer;
    if (ts.isArrowFunction(v) && !ts.isBlock(v.body)) return [v.body];
    return [v];
  }
  return [];
}

/** The inline messages of one TypeScript source text. */
export function inlineMessagesOf(file: string, source: string): InlineMessage[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true);
  const found = new Map<number, InlineMessage>();
  const add = (n: ts.Node) => {
    const text = textOf(n);
    if (text === undefined || !SENTENCE.test(text)) return;
    const at = n.getStart(sf);
    const { line, character } = sf.getLineAndCharacterOfPosition(at);
    found.set(at, { file, line: line + 1, col: character + 1, text });
  };
  const visit = (node: ts.Node) => {
    for (const slot of messageSlots(node, sf)) literalsIn(slot).forEach(add);
    const text = textOf(node);
    if (text !== undefined && /^expected\b/i.test(text)) add(node);
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return [...found.values()].sort((a, b) => a.line - b.line || a.col - b.col);
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return p.endsWith(join('spec', 'messages')) ? [] : sourceFiles(p);
    return /\.(ts|mts)$/.test(e.name) && !/\.test\.ts$/.test(e.name) && !e.name.endsWith('.d.ts') ? [p] : [];
  });
}

/** Every inline message under `root` (default src/), with paths relative to the repository. */
export function inlineMessages(root = new URL('../src', import.meta.url).pathname): InlineMessage[] {
  const base = join(root, '..');
  return sourceFiles(root).flatMap((f) => inlineMessagesOf(relative(base, f), readFileSync(f, 'utf8')));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const all = inlineMessages(process.argv[2]);
  const byFolder = new Map<string, number>();
  for (const m of all) {
    process.stdout.write(`${m.file}:${m.line}:${m.col}  ${m.text}\n`);
    const folder = m.file.split('/').slice(0, 2).join('/');
    byFolder.set(folder, (byFolder.get(folder) ?? 0) + 1);
  }
  process.stdout.write(
    `\n${[...byFolder]
      .sort((a, b) => b[1] - a[1])
      .map(([f, n]) => `${n}\t${f}`)
      .join('\n')}\n${all.length}\ttotal\n`,
  );
}
