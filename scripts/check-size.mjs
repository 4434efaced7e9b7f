// Size budget (STYLE.md): no function with more than MAX_OWN lines of its own — lines of nested
// functions (the methods a factory returns, callbacks) count for them, not for their parent — and no
// source file over MAX_FILE lines. Prints every offender and exits 1 when there is one.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const MAX_OWN = 60;
const MAX_FILE = 350;
const roots = process.argv.slice(2);

function* sourceFiles(dir) {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) yield* sourceFiles(full);
    else if (/\.ts$/.test(name) && !name.endsWith('.d.ts')) yield full;
  }
}

const isFunctionLike = (node) =>
  ts.isFunctionDeclaration(node) ||
  ts.isFunctionExpression(node) ||
  ts.isArrowFunction(node) ||
  ts.isMethodDeclaration(node) ||
  ts.isConstructorDeclaration(node) ||
  ts.isGetAccessorDeclaration(node) ||
  ts.isSetAccessorDeclaration(node);

function functionName(node, source) {
  if (node.name) return node.name.getText(source);
  const parent = node.parent;
  if (parent && (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent)) && parent.name)
    return parent.name.getText(source);
  return '<anonymous>';
}

const offenders = [];
for (const root of roots) {
  for (const file of sourceFiles(root)) {
    const text = readFileSync(file, 'utf8');
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
    const lineOf = (pos) => source.getLineAndCharacterOfPosition(pos).line;
    const span = (node) => lineOf(node.getEnd()) - lineOf(node.getStart(source)) + 1;
    const lines = text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
    if (lines > MAX_FILE) offenders.push(`${file}: ${lines} lines (file limit ${MAX_FILE})`);
    const visit = (node) => {
      if (isFunctionLike(node) && node.body) {
        let nested = 0;
        const collect = (child) => {
          if (isFunctionLike(child) && child.body) nested += span(child);
          else ts.forEachChild(child, collect);
        };
        ts.forEachChild(node.body, collect);
        const own = span(node) - nested;
        if (own > MAX_OWN) {
          const at = lineOf(node.getStart(source)) + 1;
          offenders.push(`${file}:${at}: ${functionName(node, source)} has ${own} lines of its own (limit ${MAX_OWN})`);
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
}
for (const line of offenders) console.error(line);
if (offenders.length > 0) {
  console.error(`\n${offenders.length} over the size budget`);
  process.exit(1);
}
