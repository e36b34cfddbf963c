import { describe, expect, it } from 'vitest';
import { fixTargetOf, type CodeLanguage } from '../../src/fix/languages.js';

const importer = (path: string) => (fixTargetOf(path) as CodeLanguage).withImport!;

describe('what keyward fix writes, by language', () => {
  it('knows files by name', () => {
    expect(fixTargetOf('src/a.tsx')?.name).toBe('JavaScript/TypeScript');
    expect(fixTargetOf('deploy/docker-compose.prod.yml')).toMatchObject({ kind: 'interpolation', shell: false });
    expect(fixTargetOf('src/main/resources/application-dev.yaml')).toMatchObject({ kind: 'interpolation' });
    expect(fixTargetOf('config/settings.yml')).toBeUndefined();
    expect(fixTargetOf('Dockerfile')).toBeUndefined();
  });

  it('adds `import os` to Python once, after the docstring and __future__ imports', () => {
    const add = importer('a.py');
    expect(add('"""Doc\nmore."""\nfrom __future__ import annotations\nx = 1\n')).toBe('"""Doc\nmore."""\nfrom __future__ import annotations\nimport os\nx = 1\n');
    expect(add('"""Doc."""\nimport sys\n')).toBe('"""Doc."""\nimport os\nimport sys\n');
    expect(add('import sys\n')).toBe('import os\nimport sys\n');
    expect(add('import os\nx = 1\n')).toBe('import os\nx = 1\n');
    expect(add('import sys, os\n')).toBe('import sys, os\n');
    expect(add('#!/usr/bin/env python3\nx = 1\n')).toBe('#!/usr/bin/env python3\nimport os\nx = 1\n');
  });

  it('adds "os" to Go imports in gofmt order', () => {
    const add = importer('a.go');
    expect(add('package main\n\nimport "fmt"\n\nfunc main() {}\n')).toBe('package main\n\nimport (\n\t"fmt"\n\t"os"\n)\n\nfunc main() {}\n');
    expect(add('package main\n\nimport (\n\t"fmt"\n\t"strings"\n)\n')).toBe('package main\n\nimport (\n\t"fmt"\n\t"os"\n\t"strings"\n)\n');
    expect(add('package main\n\nfunc main() {}\n')).toBe('package main\n\nimport "os"\n\nfunc main() {}\n');
    expect(add('package main\n\nimport "os"\n')).toBe('package main\n\nimport "os"\n');
  });
});
