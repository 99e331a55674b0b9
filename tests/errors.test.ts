/**
 * The error rule: every throw in src/ is a QuoteCardError subclass (checked with the TypeScript type
 * checker, statement by statement), messages come from one builder, every code is documented, and
 * `instanceof` holds across copies of the library.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, test } from 'vitest';
import {
  ERROR_CODES,
  errorMessage,
  FetchError,
  FontError,
  InputError,
  LimitError,
  OutputError,
  QuoteCardError,
  RenderError,
} from '../src/errors.js';

const SRC = join(process.cwd(), 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

describe('every throw in src/ is a QuoteCardError', () => {
  const files = sourceFiles(SRC);
  const config = ts.getParsedCommandLineOfConfigFile(join(process.cwd(), 'tsconfig.json'), {}, ts.sys as unknown as ts.ParseConfigFileHost);
  const program = ts.createProgram(files, { ...config?.options, noEmit: true });
  const checker = program.getTypeChecker();
  const errors = program.getSourceFile(join(SRC, 'errors.ts'));
  const base = errors?.statements.find((s): s is ts.ClassDeclaration => ts.isClassDeclaration(s) && s.name?.text === 'QuoteCardError');

  test('the type checker sees the base class', () => {
    expect(base).toBeDefined();
  });

  test('no other kind of throw', () => {
    const baseType = checker.getTypeAtLocation(base as ts.ClassDeclaration);
    const offenders: string[] = [];
    let throws = 0;
    for (const file of files) {
      const source = program.getSourceFile(file);
      if (!source) continue;
      const visit = (node: ts.Node): void => {
        if (ts.isThrowStatement(node)) {
          throws++;
          const type = checker.getTypeAtLocation(node.expression);
          if (!checker.isTypeAssignableTo(type, baseType)) {
            const { line } = source.getLineAndCharacterOfPosition(node.getStart());
            offenders.push(`${file.slice(SRC.length + 1)}:${line + 1}: throw ${node.expression.getText(source)} (${checker.typeToString(type)})`);
          }
        }
        ts.forEachChild(node, visit);
      };
      visit(source);
    }
    expect(throws).toBeGreaterThan(50);
    expect(offenders).toEqual([]);
  }, 120_000);

  test('messages are built in one place: no "Allowed:" written out elsewhere', () => {
    const written = sourceFiles(SRC)
      .filter((file) => !file.endsWith(join('src', 'errors.ts')))
      .filter((file) => /Allowed: |Received: /.test(readFileSync(file, 'utf8')));
    expect(written).toEqual([]);
  });
});

describe('codes', () => {
  test('every code is in docs/errors.md with its class, and nothing else is', () => {
    const doc = readFileSync(join(process.cwd(), 'docs/errors.md'), 'utf8');
    const rows = [...doc.matchAll(/^\| `([a-z-]+)` \| `(\w+)` \|/gm)].map((m) => [m[1], m[2]]);
    expect(Object.fromEntries(rows)).toEqual(ERROR_CODES);
  });

  const cases = [
    { make: () => new InputError('invalid-option', 'Invalid value for option "x"', { field: 'x', allowed: 'a string', received: '4' }), kind: InputError },
    { make: () => new FontError('font-unreadable', 'Invalid font in "fonts[0].data": it has no tables'), kind: FontError },
    { make: () => new LimitError('too-large', 'Article too large', { allowed: 'at most 20000000 characters', received: '20000001 characters' }), kind: LimitError },
    { make: () => new RenderError('raster-failed', "resvg could not draw the card's SVG", { cause: new Error('boom') }), kind: RenderError },
    { make: () => new OutputError('unsafe-path', 'Refusing to write "../x"'), kind: OutputError },
    { make: () => new FetchError('status', 'https://pbs.twimg.com/a.png', 'the server answered HTTP 404', { status: 404 }), kind: FetchError },
  ];
  test.each(cases)('$kind.name: its class, the base, Error, and a code its class carries', ({ make, kind }) => {
    const error = make();
    expect(error).toBeInstanceOf(kind);
    expect(error).toBeInstanceOf(QuoteCardError);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe(kind.name);
    expect(ERROR_CODES[error.code]).toBe(kind.name);
    for (const other of cases) if (other.kind !== kind) expect(error).not.toBeInstanceOf(other.kind);
  });
});

describe('the message builder', () => {
  test.each([
    { problem: 'Invalid value for option "size"', allowed: '"og" | "square"', received: '"huge"', expected: 'Invalid value for option "size". Allowed: "og" | "square". Received: "huge".' },
    { problem: 'The template threw', allowed: undefined, received: 'TypeError: x is undefined', expected: 'The template threw. Received: TypeError: x is undefined.' },
    { problem: 'No font has glyphs for 1 character (Han: 你). Pass a font for them in options.fonts.', allowed: undefined, received: undefined, expected: 'No font has glyphs for 1 character (Han: 你). Pass a font for them in options.fonts.' },
  ])('$expected', ({ problem, allowed, received, expected }) => {
    expect(errorMessage(problem, { allowed, received })).toBe(expected);
  });
  test('the facts are on the error too', () => {
    const error = new InputError('invalid-option', 'Invalid value for option "max"', { field: 'max', allowed: 'a whole number ≥ 0', received: '-1' });
    expect(error).toMatchObject({ code: 'invalid-option', field: 'max', allowed: 'a whole number ≥ 0', received: '-1' });
    expect(error.message).toBe('Invalid value for option "max". Allowed: a whole number ≥ 0. Received: -1.');
  });
});

describe('instanceof across copies of the library', () => {
  test('an error made by a second copy of the module (as the CommonJS build is) is an instance of this copy', async () => {
    const second = '../src/errors.ts?second-copy';
    const copy = (await import(/* @vite-ignore */ second)) as typeof import('../src/errors.js');
    expect(copy.InputError).not.toBe(InputError);
    const foreign = new copy.InputError('invalid-option', 'Invalid value for option "x"');
    expect(foreign).toBeInstanceOf(InputError);
    expect(foreign).toBeInstanceOf(QuoteCardError);
    expect(foreign).not.toBeInstanceOf(FontError);
    expect(new InputError('invalid-input', 'x')).toBeInstanceOf(copy.QuoteCardError);
  });
  test('look-alikes are not instances', () => {
    expect({ name: 'InputError', code: 'invalid-option', message: 'x' }).not.toBeInstanceOf(InputError);
    expect(new Error('x')).not.toBeInstanceOf(QuoteCardError);
    expect(null).not.toBeInstanceOf(QuoteCardError);
  });
  test("a caller's own subclass keeps ordinary instanceof", () => {
    class MyError extends InputError {}
    const mine = new MyError('invalid-input', 'x');
    expect(mine).toBeInstanceOf(MyError);
    expect(mine).toBeInstanceOf(InputError);
    expect(new InputError('invalid-input', 'x')).not.toBeInstanceOf(MyError);
  });
});
