/** The files `keyward init` writes: a commented config, and a CI job for the CI the project uses. */

export function configTemplate(baseline: string | undefined): string {
  return `# keyward configuration: https://github.com/keyward/keyward#configuration
# Every setting is optional; what is commented out is the default or an example.
${baseline ? `\n# Findings recorded by keyward init: scans report only new ones. The keys listed there are leaked all the same:\n# rotate them, then delete their entries (keyward reports entries that no longer match).\nbaseline: ${baseline}\n` : ''}
# Fail the run (and the commit) on findings at or above this severity: error, warning (default), info, never.
# failOn: warning

# Paths never scanned, as .gitignore patterns relative to this file.
# ignore:
#   - vendor/**
#   - "**/*.min.js"

# Values that are not secrets (a shared sandbox key), exactly or by pattern.
# allowlist:
#   values: [sk_test_shared_sandbox_key]
#   patterns: ['^example-']

# Switch a rule off or re-grade it (keyward rules lists them).
# rules:
#   generic-password: warning

# Paths the built-in classification gets wrong: client (shipped to browsers), server, test, docs.
# context:
#   client: [web/src/**]

# Your own key formats, in the built-in rules' format (see rules/*.yml).
# customRules:
#   - id: acme-token
#     title: Acme token
#     severity: error
#     keywords: [acme_]
#     regex: '(?<secret>acme_[a-z0-9]{32})'
`;
}

export function githubWorkflow(): string {
  return `# keyward: fails the pull request that adds a key, and reports every finding to code scanning.
name: keyward
on:
  pull_request:
  push:
    branches: [main]
permissions:
  contents: read
  security-events: write
jobs:
  keyward:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v5
        with:
          fetch-depth: 0
      - id: keyward
        uses: keyward/keyward@v0
        with:
          mode: diff
          fail-on: error
      - if: always()
        uses: github/codeql-action/upload-sarif@v4
        with:
          sarif_file: \${{ steps.keyward.outputs.sarif-file }}
          category: keyward
`;
}

export function gitlabJob(): string {
  return `# keyward: include it from .gitlab-ci.yml (include: { local: .gitlab/keyward.gitlab-ci.yml }).
# A merge request's own commits are scanned; on other pipelines, the working tree. Findings go to GitLab's
# secret-detection report (the merge request widget and the vulnerability report, on Ultimate; a downloadable
# artifact on every tier) and to the pipeline's Tests tab (JUnit, every tier).
keyward:
  image: node:24
  stage: test
  variables:
    GIT_DEPTH: "0"
  script:
    - |
      if [ -n "$CI_MERGE_REQUEST_DIFF_BASE_SHA" ]; then
        set -- --diff "$CI_MERGE_REQUEST_DIFF_BASE_SHA..$CI_COMMIT_SHA"
      else
        set -- .
      fi
      npx --yes keyward scan "$@" --fail-on never -f gitlab -o gl-secret-detection-report.json
      npx --yes keyward scan "$@" --fail-on error -f junit -o keyward.junit.xml
  artifacts:
    when: always
    paths:
      - gl-secret-detection-report.json
    reports:
      secret_detection: gl-secret-detection-report.json
      junit: keyward.junit.xml
`;
}
